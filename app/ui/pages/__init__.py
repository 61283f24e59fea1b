"""The main window's pages; each talks to the services and listens to ``AppContext.changes``."""
