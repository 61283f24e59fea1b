"""Developer tools: set-up checks, the test server, screenshots and document samples."""
