<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="+82"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/ui/user_dialogs.py" line="+48"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mis. Dra. Sri Wahyuni, M.Si.</source>
        <translation>e.g. Dra. Sri Wahyuni, M.Si.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>minimal %n karakter</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minta kata sandi baru saat pertama masuk</source>
        <translation>Ask for a new password at the first login</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama &amp;lengkap:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penilai mengisi nilai atas nama lengkap ini; tulis lengkap.</source>
        <translation>An assessor enters scores under this full name; write it in full.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Peran:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kata sandi awal:</source>
        <translation>&amp;First password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
</context>
<context>
    <name>AdminAccountPage</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="+107"/>
        <source>Akun administrator</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Akun ini dipakai Ketua atau Sekretaris Panitia untuk menyiapkan seleksi, mengelola pengguna, dan menetapkan hasil.</source>
        <translation>The committee chair or secretary uses this account to set up selections, manage users and finalize results.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mis. Ketua Panitia Seleksi</source>
        <translation>e.g. Selection Committee Chair</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>minimal %n karakter</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama &amp;lengkap:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Kata sandi minimal %n karakter.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AnnouncementTableModel</name>
    <message>
        <location filename="../../app/ui/announcement_model.py" line="+59"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bertanda tangan</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menggantikan</source>
        <translation>Replaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diterbitkan oleh</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID dokumen</source>
        <translation>Document ID</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{subject}
Dibuat {time} oleh {user}</source>
        <translation>{subject}
Created {time} by {user}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPage</name>
    <message>
        <location filename="../../app/ui/pages/announcements.py" line="+176"/>
        <source>&amp;Terbitkan pengumuman…</source>
        <translation>&amp;Issue announcement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Susun, simpan, dan (bila dipilih) tandatangani pengumuman suatu tahap.</source>
        <translation>Compose, save and (if chosen) sign the announcement of a stage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Periksa berkas…</source>
        <translation>&amp;Verify file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Periksa apakah sebuah berkas PDF sama dengan pengumuman yang diterbitkan.</source>
        <translation>Check whether a PDF file is the same as an issued announcement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pengaturan &amp;dokumen…</source>
        <translation>&amp;Document settings…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kop surat, isi pengumuman, penanda tangan, dan anggota panitia.</source>
        <translation>Letterhead, announcement wording, signatory and committee members.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buat &amp;kunci panitia…</source>
        <translation>Create committee &amp;key…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buat kunci tanda tangan elektronik panitia dan sertifikatnya.</source>
        <translation>Create the committee&apos;s electronic signing key and its certificate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Simpan salinan…</source>
        <translation>&amp;Save copy…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cetak…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ditandatangani secara elektronik. Cap tanda tangannya tidak tampil di pratinjau dan cetakan; keaslian diperiksa lewat kode QR atau «Periksa berkas…».</source>
        <translation>Signed electronically. The signature stamp does not show in the preview or on paper; check authenticity with the QR code or “Verify file…”.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Belum ada pengumuman yang diterbitkan untuk seleksi ini. Tekan «Terbitkan pengumuman…» untuk menerbitkan yang pertama.</source>
        <translation>No announcement has been issued for this selection yet. Press “Issue announcement…” to issue the first one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Belum ada pengumuman yang diterbitkan untuk seleksi ini. Pengumuman diterbitkan oleh administrator panitia.</source>
        <translation>No announcement has been issued for this selection yet. Announcements are issued by the committee&apos;s administrator.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nomor {number}, tanggal {date}, tahap {stage}, {rows} baris hasil.</source>
        <translation>Number {number}, dated {date}, stage {stage}, {rows} result rows.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Diterbitkan {time} oleh {user}; ID dokumen {id}.</source>
        <translation>Issued {time} by {user}; document ID {id}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Menggantikan Pengumuman Nomor {number}.</source>
        <translation>Replaces Announcement No. {number}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256 berkas: {hash}</source>
        <translation>File SHA-256: {hash}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Terbitkan pengumuman</source>
        <translation>Issue announcement</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pengumuman Nomor {number} diterbitkan ({rows} baris hasil{signed}).</source>
        <translation>Announcement No. {number} issued ({rows} result rows{signed}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, ditandatangani secara elektronik</source>
        <translation>, signed electronically</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Simpan salinan pengumuman</source>
        <translation>Save a copy of the announcement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <source>Salinan tidak disimpan</source>
        <translation>Copy not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas {path} tidak dapat ditulis: {reason}</source>
        <translation>{path} cannot be written: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Salinan Pengumuman Nomor {number} disimpan ke {path}.</source>
        <translation>Copy of Announcement No. {number} saved to {path}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cetak pengumuman</source>
        <translation>Print announcement</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pengumuman {number}</source>
        <translation>Announcement {number}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mencetak halaman {page} dari {count}…</source>
        <translation>Printing page {page} of {count}…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tidak dapat mencetak</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pencetak tidak dapat dipakai. Periksa sambungan pencetak, lalu coba lagi.</source>
        <translation>The printer cannot be used. Check the printer connection, then try again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pengumuman Nomor {number}: {count} halaman dikirim ke pencetak.</source>
        <translation>Announcement No. {number}: {count} pages sent to the printer.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Pengaturan dokumen disimpan; dipakai untuk pengumuman yang diterbitkan berikutnya.</source>
        <translation>Document settings saved; they apply to the announcements issued from now on.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Kunci panitia disimpan di {key}. Berikan sertifikat akar {cert} kepada siapa pun yang perlu memeriksa pengumuman, dan umumkan sidik jari SHA-256-nya: {fingerprint}</source>
        <translation>Committee key saved in {key}. Give the root certificate {cert} to anyone who needs to verify announcements, and publish its SHA-256 fingerprint: {fingerprint}</translation>
    </message>
</context>
<context>
    <name>AspectPanel</name>
    <message>
        <location filename="../../app/ui/scheme_editor/aspects.py" line="+29"/>
        <location line="+45"/>
        <source>Aspek rubrik</source>
        <translation>Rubric aspects</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bobot (%)</source>
        <translation>Weight (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deskripsi</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tanpa rubrik: penilai memasukkan satu nilai untuk komponen ini.</source>
        <translation>No rubric: assessors enter one score for this component.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tambah aspek</source>
        <translation>Add aspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus aspek</source>
        <translation>Delete aspect</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Aspek rubrik {code}</source>
        <translation>Rubric aspects of {code}</translation>
    </message>
</context>
<context>
    <name>AssessorsTab</name>
    <message>
        <location filename="../../app/ui/pages/monev/assessors_tab.py" line="+43"/>
        <source>&amp;Komponen:</source>
        <translation>&amp;Component:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Belum ada komponen tahap ini yang dinilai oleh lebih dari satu penilai.</source>
        <translation>No component of this stage has been scored by more than one assessor yet.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 — seluruh komponen</source>
        <translation>%1 — whole component</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Komponen / aspek</source>
        <translation>Component / aspect</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+85"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>ICC(2,1)</source>
        <translation>ICC(2,1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>IK 95%</source>
        <translation>95% CI</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>ICC(2,k)</source>
        <translation>ICC(2,k)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Koo &amp; Li</source>
        <translation>Koo &amp; Li</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peserta yang dinilai oleh sedikitnya dua penilai</source>
        <translation>Participants scored by at least two assessors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interval kepercayaan 95% dari ICC(2,1)</source>
        <translation>95% confidence interval of ICC(2,1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kategori ICC(2,1) menurut Koo &amp; Li (2016)</source>
        <translation>Band of ICC(2,1) after Koo &amp; Li (2016)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha Krippendorff (data interval), atas semua nilai</source>
        <translation>Krippendorff&apos;s alpha (interval data), over every score</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ICC(2,1) di bawah %1: kesepakatan penilai kurang dari baik.</source>
        <translation>ICC(2,1) below %1: the assessors agree less than well.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Panel terbesar: %1 penilai, %2 peserta yang dinilai semuanya</source>
        <translation>Largest panel: %1 assessors, %2 participants scored by all of them</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>lebih longgar dari penilai lain</source>
        <translation>more lenient than the other assessors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lebih ketat dari penilai lain</source>
        <translation>harsher than the other assessors</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Penilai</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>Selisih</source>
        <translation>Deviation</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ICC(2,1) dan ICC(2,k): model acak dua arah, kesepakatan mutlak (Shrout &amp; Fleiss 1979), pada panel terbesar yang menilai peserta yang sama; kategori menurut Koo &amp; Li (2016). Alpha Krippendorff (data interval) memakai semua nilai, juga peserta yang dinilai oleh susunan penilai lain. Selisih: rata-rata nilai penilai dikurangi rata-rata penilai lain pada peserta yang sama; ditandai bila lebih dari ± %1 poin.</source>
        <translation>ICC(2,1) and ICC(2,k): two-way random model, absolute agreement (Shrout &amp; Fleiss 1979), on the largest panel that scored the same participants; bands after Koo &amp; Li (2016). Krippendorff&apos;s alpha (interval data) uses every score, also of participants scored by another set of assessors. Deviation: the assessor&apos;s mean score minus the other assessors&apos; mean on the same participants; flagged beyond ± %1 points.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Panel: %1 penilai, %2 peserta.</source>
        <translation>Panel: %1 assessors, %2 participants.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Selisih dari penilai lain (poin)</source>
        <translation>Deviation from the other assessors (points)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Batas ± %1 poin</source>
        <translation>Limit ± %1 points</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="+248"/>
        <source>&amp;Peserta:</source>
        <translation>P&amp;articipant:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor peserta</source>
        <translation>Participant number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tampilkan hanya kejadian peserta dengan nomor ini (harus persis sama).</source>
        <translation>Show only the events of the participant with this number (exact match).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pen&amp;gguna:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;jak:</source>
        <translation>&amp;Since:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semua tanggal</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal menurut waktu setempat komputer ini.</source>
        <translation>Date in this computer&apos;s local time.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Je&amp;nis:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda peserta</source>
        <translation>Participant marks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skema</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengumuman</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login</source>
        <translation>Logins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tampilkan semua</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tanpa centang hanya %1 kejadian terbaru yang dibaca, agar halaman tetap cepat pada jejak audit yang panjang.</source>
        <translation>When unticked, only the newest %1 events are read, so that the page stays fast on a long audit trail.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+167"/>
        <source>Periksa rantai</source>
        <translation>Check chain</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Menghitung ulang SHA-256 setiap kejadian dari awal: kejadian yang diubah, dihapus, atau disisipkan merusak rantai mulai titik itu.</source>
        <translation>Recomputes the SHA-256 of every event from the start: an event that was changed, deleted or inserted breaks the chain from that point on.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Menyimpan kejadian yang sedang ditampilkan ke berkas CSV, dari yang terlama.</source>
        <translation>Saves the events shown to a CSV file, oldest first.</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+203"/>
        <source>Jejak audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Jejak audit tidak dapat dibaca: %1</source>
        <translation>The audit trail cannot be read: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tidak ada kejadian yang cocok dengan saringan ini.</source>
        <translation>No events match these filters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Menampilkan %1 kejadian terbaru. Centang «Tampilkan semua» untuk yang lebih lama.</source>
        <translation>Showing the newest %1 events. Tick “Show all” for older ones.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 kejadian.</source>
        <translation>%1 events.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Memeriksa rantai SHA-256 jejak audit…</source>
        <translation>Checking the SHA-256 chain of the audit trail…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Jejak audit utuh: %1 kejadian, rantai SHA-256 cocok.</source>
        <translation>Audit trail intact: %1 events, the SHA-256 chain matches.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Jejak audit RUSAK mulai kejadian #%1: %2. Kejadian sebelumnya utuh; simpan berkas ini apa adanya dan laporkan kepada ketua panitia.</source>
        <translation>Audit trail BROKEN from event #%1: %2. Earlier events are intact; keep this file as it is and report to the committee chair.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rantai jejak audit tidak dapat diperiksa: %1</source>
        <translation>The audit trail chain cannot be checked: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ekspor jejak audit ke CSV</source>
        <translation>Export the audit trail to CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ekspor jejak audit</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Menulis berkas CSV…</source>
        <translation>Writing the CSV file…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+19"/>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Berkas %1 tidak dapat ditulis: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 kejadian jejak audit disimpan ke %2.</source>
        <translation>%1 audit trail events saved to %2.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../app/ui/audit_model.py" line="+383"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objek</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lama → baru</source>
        <translation>Old → new</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nilai diisi</source>
        <translation>Score entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai diganti</source>
        <translation>Score changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai dihapus</source>
        <translation>Score deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai dibatalkan (undo)</source>
        <translation>Score undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai diulang (redo)</source>
        <translation>Score redone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai entri ganda dimasukkan</source>
        <translation>Double-entry score entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai entri ganda cocok dan dikonfirmasi</source>
        <translation>Double-entry scores matched, confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai entri ganda berbeda</source>
        <translation>Double-entry scores differ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perbedaan nilai diputuskan</source>
        <translation>Score mismatch decided</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai entri ganda ditarik (tidak cocok lagi)</source>
        <translation>Double-entry value withdrawn (entries no longer match)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta ditandai</source>
        <translation>Participant marked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta ditambahkan</source>
        <translation>Participant added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data peserta diubah</source>
        <translation>Participant data changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keputusan SERI panitia</source>
        <translation>Committee&apos;s tie decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas diubah di luar program</source>
        <translation>File changed outside the program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor nilai</source>
        <translation>Score import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor peserta</source>
        <translation>Participant import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor formasi</source>
        <translation>Formation import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor tanda peserta</source>
        <translation>Participant mark import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skema diubah</source>
        <translation>Scheme changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seleksi dibuat</source>
        <translation>Selection created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data seleksi diubah</source>
        <translation>Selection details changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formasi disimpan</source>
        <translation>Formation saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formasi dihapus</source>
        <translation>Formation deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengaturan dokumen diubah</source>
        <translation>Document settings changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengumuman diterbitkan</source>
        <translation>Announcement issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formulir dicetak dan didaftarkan</source>
        <translation>Form printed and registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tahap difinalkan</source>
        <translation>Stage finalized</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tahap dibuka kembali</source>
        <translation>Stage reopened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan dibuat</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan dipulihkan</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login berhasil</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login gagal</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login ditolak: akun terkunci</source>
        <translation>Login refused: account locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna ditambahkan</source>
        <translation>User added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna diubah</source>
        <translation>User changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi diganti</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun dikunci</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun dibuka kembali</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi diatur ulang oleh admin</source>
        <translation>Password reset by an admin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ganti kata sandi ditolak: sandi lama salah</source>
        <translation>Password change refused: wrong current password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Akun dinonaktifkan</source>
        <translation>Account deactivated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun diaktifkan kembali</source>
        <translation>Account reactivated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tindakan ditolak: peran tidak mengizinkan</source>
        <translation>Action refused: the role does not allow it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor data kinerja</source>
        <translation>Import performance data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rekomendasi monev ditambahkan</source>
        <translation>M&amp;E recommendation added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rekomendasi monev diubah</source>
        <translation>M&amp;E recommendation revised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rekomendasi monev ditarik</source>
        <translation>M&amp;E recommendation withdrawn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rekomendasi</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diubah</source>
        <translation>updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>berkas</source>
        <translation>file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jenis</source>
        <translation>kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tahap</source>
        <translation>stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nomor</source>
        <translation>number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temuan</source>
        <translation>finding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>isi</source>
        <translation>text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nama</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nama lengkap</source>
        <translation>full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tanggal lahir</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPK</source>
        <translation>GPA (IPK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kelompok prioritas</source>
        <translation>priority group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>afirmasi (%)</source>
        <translation>affirmation (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sesi</source>
        <translation>session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nama pengguna</source>
        <translation>user name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peran</source>
        <translation>role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terkunci sampai</source>
        <translation>locked until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wajib ganti kata sandi</source>
        <translation>must change password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tahun</source>
        <translation>year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skema</source>
        <translation>scheme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kode</source>
        <translation>code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jabatan</source>
        <translation>position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unit kerja</source>
        <translation>work unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pendidikan</source>
        <translation>education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kuota</source>
        <translation>vacancies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>instansi</source>
        <translation>agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 cuplikan</source>
        <translation>snapshot SHA-256</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>formasi</source>
        <translation>formations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pemerintah daerah</source>
        <translation>government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kantor</source>
        <translation>office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alamat</source>
        <translation>address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tempat</source>
        <translation>place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pembuka</source>
        <translation>opening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dasar hukum</source>
        <translation>legal basis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jabatan penanda tangan</source>
        <translation>signatory&apos;s position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nama penanda tangan</source>
        <translation>signatory&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIP penanda tangan</source>
        <translation>signatory&apos;s NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>atas nama (a.n./Plh.)</source>
        <translation>on behalf of (a.n./Plh.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>susunan panitia</source>
        <translation>committee members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logo</source>
        <translation>logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gambar tanda tangan</source>
        <translation>signature image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gambar cap</source>
        <translation>stamp image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awal masa sanggah</source>
        <translation>start of the objection period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>akhir masa sanggah</source>
        <translation>end of the objection period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tempat sanggah</source>
        <translation>where to object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>langkah berikutnya</source>
        <translation>next steps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ketentuan penutup</source>
        <translation>closing provisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tembusan</source>
        <translation>copies to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alasan</source>
        <translation>reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jumlah dokumen</source>
        <translation>documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dokumen</source>
        <translation>document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tidak</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../app/ui/workers.py" line="+168"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mohon tunggu…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../app/ui/pages/backups.py" line="+67"/>
        <source>Dibuat manual</source>
        <translation>Made by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum impor formasi</source>
        <translation>Before importing formations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum impor peserta</source>
        <translation>Before importing participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum impor nilai</source>
        <translation>Before importing scores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum pengumuman diterbitkan</source>
        <translation>Before issuing an announcement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum finalisasi</source>
        <translation>Before finalization</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkala, saat input nilai</source>
        <translation>Periodic, during score entry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saat program ditutup</source>
        <translation>When the program closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum pemulihan</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Buat cadangan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulihkan…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+280"/>
        <source>Buka folder cadangan</source>
        <translation>Open backups folder</translation>
    </message>
    <message>
        <location line="-274"/>
        <source>Simpan salinan SQLite…</source>
        <translation>Save SQLite copy…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seluruh data seleksi di server sebagai satu berkas basis data, yang dibuka seperti berkas lain (Berkas › Buka)</source>
        <translation>The whole selection on the server as one database file, which opens like any other file (File › Open)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mengganti data sekarang dengan cadangan terpilih. Data sekarang disimpan dahulu sebagai cadangan.</source>
        <translation>Replaces the current data with the chosen backup. The current data is backed up first.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Belum ada cadangan. Cadangan pertama dibuat saat data diimpor, saat nilai diketik, saat program ditutup, atau dengan tombol di atas.</source>
        <translation>No backups yet. The first one is made when data is imported, when scores are typed, when the program closes, or with the button above.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Basis data ini ada di %1. Cadangannya dibuat oleh pengelola server dengan alat PostgreSQL, bukan oleh program ini. Simpan salinan SQLite untuk mengarsipkan hari seleksi atau membawanya ke laptop tanpa jaringan; salinan itu dibuka seperti berkas biasa (Berkas › Buka).</source>
        <translation>This database is on %1. Its backups are made by the server&apos;s administrator with PostgreSQL&apos;s tools, not by this program. Save an SQLite copy to archive a selection day or to take it to a laptop without a network; the copy opens like any other file (File › Open).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Salinan basis data dibuat otomatis sebelum setiap impor, finalisasi dan pengumuman, setiap %1 menit selama nilai diketik, dan saat program ditutup. Disimpan %2 cadangan terakhir ditambah satu cadangan untuk setiap hari.</source>
        <translation>Copies of the database are made automatically before every import, finalization and announcement, every %1 minutes while scores are typed, and when the program closes. The last %2 backups are kept, plus one for every day.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Folder cadangan: %1</source>
        <translation>Backups folder: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Buat cadangan</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simpan salinan SQLite</source>
        <translation>Save SQLite copy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basis data Seleksi ASN (*.db)</source>
        <translation>Seleksi ASN database (*.db)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Menyalin data server…</source>
        <translation>Copying the server&apos;s data…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Salinan SQLite disimpan: %1</source>
        <translation>SQLite copy saved: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Data sekarang akan diganti dengan cadangan %1.

Sebelumnya data sekarang disimpan dahulu sebagai cadangan baru (alasan: sebelum pemulihan), jadi langkah ini dapat dibatalkan dengan memulihkan cadangan itu.

Sesudahnya berkas dibuka ulang dan Anda perlu masuk kembali. Lanjutkan?</source>
        <translation>The current data will be replaced by backup %1.

First the current data is saved as a new backup (reason: before a restore), so this step can be undone by restoring that backup.

Afterwards the file is opened again and you need to log in again. Continue?</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <location line="+13"/>
        <location line="+22"/>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Data sekarang akan diganti dengan data database lain itu (data sekarang disimpan dahulu sebagai cadangan). Tetap pulihkan?</source>
        <translation>The current data will be replaced with the data of that other database (the current data is kept as a backup first). Restore anyway?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cadangan database lain</source>
        <translation>Backup of another database</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pemulihan dibatalkan; data tidak diubah.</source>
        <translation>Restore cancelled; the data was not changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data dipulihkan dari %1.</source>
        <translation>Data restored from %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data sebelumnya disimpan di %1.</source>
        <translation>The previous data was kept in %1.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/ui/password_dialog.py" line="+69"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>minimal %n karakter</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Akun:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kata sandi &amp;lama:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kata sandi akun ini diatur oleh admin. Buat kata sandi baru yang hanya Anda ketahui sebelum mulai bekerja.</source>
        <translation>An admin set the password of this account. Choose a new one that only you know before you start working.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan dan masuk</source>
        <translation>Save and log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi &amp;baru:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ulangi kata sandi baru:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kata sandi ini melindungi nilai yang Anda masukkan: jejak audit mencatat setiap perubahan atas nama akun Anda. Jangan berikan kepada orang lain.</source>
        <translation>This password protects the scores you enter: the audit trail records every change under your account&apos;s name. Do not give it to anyone.</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../app/ui/import_wizard/check_page.py" line="+62"/>
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seluruh isi berkas diperiksa lebih dulu; belum ada data yang disimpan.</source>
        <translation>The whole file is checked first; nothing has been saved yet.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Alasan penggantian:</source>
        <translation>Reason for replacing:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wajib diisi; dicatat di jejak audit untuk setiap nilai yang diganti</source>
        <translation>required; recorded in the audit trail for every replaced value</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Salin daftar masalah</source>
        <translation>Copy the problem list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salin semua baris bermasalah ke papan klip, untuk dikirim ke pengirim berkas.</source>
        <translation>Copy every problem row to the clipboard, to send to whoever sent the file.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Memeriksa seluruh isi berkas…</source>
        <translation>Checking the whole file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mengimpor ke database…</source>
        <translation>Importing into the database…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{added} baru, {updated} diperbarui</source>
        <translation>{added} new, {updated} updated</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Berkas lolos pemeriksaan: {summary}.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The file passed the check: {summary}.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} baris sama dengan yang tersimpan dan tidak diubah.</source>
        <translation>{count} rows equal what is stored and are left as they are.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;{count} nilai yang sudah tersimpan akan diganti&lt;/b&gt; (daftar di bawah). Isi alasan penggantian; alasan itu dicatat di jejak audit untuk setiap nilai yang diganti.</source>
        <translation>&lt;b&gt;{count} stored values will be replaced&lt;/b&gt; (listed below). Give the reason; it is recorded in the audit trail for every replaced value.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Daftar memuat {shown} yang pertama.</source>
        <translation>The list shows the first {shown}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tekan Impor untuk menyimpan dan mengganti.</source>
        <translation>Press Import to save and replace.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tekan Impor untuk menyimpan.</source>
        <translation>Press Import to save.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Impor selesai: {summary}.</source>
        <translation>Import finished: {summary}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Berkas ditolak: {count} masalah. Tidak ada data yang disimpan. Perbaiki berkas, lalu kembali dan pilih berkas itu lagi.</source>
        <translation>File refused: {count} problems. Nothing was saved. Fix the file, then go back and choose it again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Terjadi kesalahan tak terduga; tidak ada data yang disimpan: {error}</source>
        <translation>An unexpected error occurred; nothing was saved: {error}</translation>
    </message>
</context>
<context>
    <name>CodesPanel</name>
    <message>
        <location filename="../../app/ui/scheme_editor/codes.py" line="+22"/>
        <source>Dalam kebutuhan</source>
        <translation>Within vacancies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Di luar kebutuhan</source>
        <translation>Outside vacancies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Di bawah ambang</source>
        <translation>Below threshold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak hadir</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak memenuhi syarat</source>
        <translation>Does not meet the requirements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mengundurkan diri</source>
        <translation>Withdrew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diskualifikasi</source>
        <translation>Disqualified</translation>
    </message>
</context>
<context>
    <name>CommitteeKeyDialog</name>
    <message>
        <location filename="../../app/ui/committee_key_dialog.py" line="+63"/>
        <location line="+142"/>
        <source>Buat kunci panitia</source>
        <translation>Create committee key</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Kunci ini adalah tanda tangan elektronik milik panitia sendiri, bukan tanda tangan elektronik tersertifikasi nasional (TTE BSrE), dan berkas sertifikat .pem-nya (sertifikat akar panitia) yang diberikan kepada pihak lain untuk memeriksa keaslian pengumuman, bersama sidik jari SHA-256-nya.</source>
        <translation>This key is the committee&apos;s own electronic signature, not the national certified electronic signature (TTE BSrE). Its .pem certificate file (the committee&apos;s root certificate) is what others are given to check that announcements are genuine, together with its SHA-256 fingerprint.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+2"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paling sedikit {count} karakter</source>
        <translation>At least {count} characters</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nama &amp;penanda tangan:</source>
        <translation>Signer &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Instansi:</source>
        <translation>&amp;Agency:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas &amp;kunci (.p12):</source>
        <translation>&amp;Key file (.p12):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas &amp;sertifikat (.pem):</source>
        <translation>&amp;Certificate file (.pem):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kata s&amp;andi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan berkas kunci dan kata sandinya di tempat aman: siapa pun yang memegang keduanya dapat menandatangani atas nama panitia.</source>
        <translation>Keep the key file and its password in a safe place: whoever holds both can sign on behalf of the committee.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Buat kunci</source>
        <translation>Cr&amp;eate key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Simpan kunci panitia</source>
        <translation>Save the committee key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kunci PKCS#12 (*.p12)</source>
        <translation>PKCS#12 key (*.p12)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Simpan sertifikat panitia</source>
        <translation>Save the committee certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sertifikat PEM (*.pem)</source>
        <translation>PEM certificate (*.pem)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Isi nama penanda tangan yang tercantum pada sertifikat.</source>
        <translation>Fill in the signer&apos;s name to be shown on the certificate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pilih tempat menyimpan berkas kunci dan berkas sertifikat.</source>
        <translation>Choose where to save the key file and the certificate file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas kunci dan berkas sertifikat harus berbeda.</source>
        <translation>The key file and the certificate file must be different.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kata sandi paling sedikit {count} karakter.</source>
        <translation>The password needs at least {count} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kedua kata sandi tidak sama; ketik ulang.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Timpa berkas?</source>
        <translation>Overwrite files?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas {files} sudah ada. Kunci lama di dalamnya akan hilang dan pengumuman yang ditandatangani dengannya hanya dapat diperiksa dengan sertifikat lama. Timpa?</source>
        <translation>Already exists: {files}. The old key in it will be lost, and announcements signed with that key can then only be verified with the old certificate. Overwrite?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Membuat kunci panitia…</source>
        <translation>Creating the committee key…</translation>
    </message>
</context>
<context>
    <name>ComponentPanel</name>
    <message>
        <location filename="../../app/ui/scheme_editor/components.py" line="+36"/>
        <location line="+134"/>
        <source>Komponen</source>
        <translation>Components</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Tambah komponen</source>
        <translation>Add component</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus komponen</source>
        <translation>Delete component</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>angka</source>
        <translation>number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kategori</source>
        <translation>category</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>praktik</source>
        <translation>practical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wawancara</source>
        <translation>interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>psikotes</source>
        <translation>psychotest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lainnya</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maks</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kelipatan nilai.</source>
        <translation>Scores come in multiples of this.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bobot
(%)</source>
        <translation>Weight
(%)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Entri
ganda</source>
        <translation>Double
entry</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Batas
selisih</source>
        <translation>Spread
limit</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Ambang</source>
        <translation>Pass
mark</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nilai ambang batas; kosong berarti tidak menggugurkan.</source>
        <translation>Passing threshold; empty means it does not eliminate.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Penilai</source>
        <translation>Assessors</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jumlah penilai paling sedikit; nilainya rata-rata semua penilai.</source>
        <translation>The least number of assessors; the score is the mean of all assessors.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Afirmasi</source>
        <translation>Affirm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ditambah poin afirmasi peserta (PPPK).</source>
        <translation>The participant&apos;s affirmation points are added (PPPK).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dua operator mengetik setiap nilai tanpa melihat entri yang lain; hanya nilai yang cocok dihitung, selisih diputuskan admin.</source>
        <translation>Two operators type every value without seeing the other entry; only matching values count, an admin decides mismatches.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Peserta yang nilai para penilainya berjarak lebih dari ini ditandai untuk diperiksa; kosong berarti tidak diperiksa.</source>
        <translation>Participants whose assessors are further apart than this are flagged for review; empty means no check.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nilai kategori</source>
        <translation>Category values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untuk jenis kategori: nilai yang diizinkan, dipisah koma (MS, TMS).</source>
        <translation>For the category kind: the allowed values, separated by commas (MS, TMS).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nilai lulus</source>
        <translation>Passing values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untuk jenis kategori: nilai yang meluluskan, dipisah koma (MS).</source>
        <translation>For the category kind: the values that pass, separated by commas (MS).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Komponen tahap {code}</source>
        <translation>Components of stage {code}</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <location filename="../../app/ui/user_dialogs.py" line="+118"/>
        <source>Nonaktifkan akun</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mis. tidak bertugas lagi di panitia</source>
        <translation>e.g. no longer on the committee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alasan:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Akun nonaktif tidak dapat masuk lagi. Namanya tetap tercatat pada nilai dan jejak audit. Akun dapat diaktifkan kembali kapan saja.</source>
        <translation>An inactive account can no longer log in. Its name stays on its scores and in the audit trail. The account can be reactivated at any time.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../app/ui/dialogs.py" line="+43"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialog_parts.py" line="+37"/>
        <location filename="../../app/ui/dialogs.py" line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DistributionTab</name>
    <message>
        <location filename="../../app/ui/pages/monev/distribution_tab.py" line="+42"/>
        <source>&amp;Komponen:</source>
        <translation>&amp;Component:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Belum ada nilai angka pada tahap ini.</source>
        <translation>No numeric scores at this stage yet.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Peserta bernilai</source>
        <translation>Participants with a score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rata-rata</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpangan baku (SD)</source>
        <translation>Standard deviation (SD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kuartil 1</source>
        <translation>First quartile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kuartil 3</source>
        <translation>Third quartile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ambang batas</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Di sekitar ambang (± 2 poin)</source>
        <translation>Near the threshold (± 2 points)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tepat di bawah ambang (2 poin)</source>
        <translation>Just below the threshold (2 points)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pada nilai maksimum</source>
        <translation>At the maximum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ukuran</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nilai</source>
        <comment>the value of a measure</comment>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>(termasuk batas atas)</source>
        <translation>(upper bound included)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rentang nilai</source>
        <translation>Score range</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <location line="+17"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Batas bawah termasuk, batas atas tidak (kecuali rentang terakhir)</source>
        <translation>Lower bound included, upper bound not (except in the last range)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Ambang batas %1</source>
        <translation>Threshold %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rata-rata %1</source>
        <translation>Mean %1</translation>
    </message>
</context>
<context>
    <name>DocumentSettingsDialog</name>
    <message>
        <location filename="../../app/ui/document_settings_dialog.py" line="+207"/>
        <source>Pengaturan dokumen</source>
        <translation>Document settings</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kop surat</source>
        <translation>&amp;Letterhead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Isi pengumuman</source>
        <translation>&amp;Wording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pen&amp;utup</source>
        <translation>Clos&amp;ing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penanda &amp;tangan</source>
        <translation>Si&amp;gnatory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;nitia</source>
        <translation>&amp;Committee</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pengaturan ini dipakai untuk pengumuman yang diterbitkan berikutnya; pengumuman yang sudah terbit tidak berubah.</source>
        <translation>These settings apply to announcements issued from now on; announcements already issued do not change.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pemerintah daerah:</source>
        <translation>&amp;Regional government:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kantor / panitia:</source>
        <translation>O&amp;ffice / committee:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alamat:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alamat, telepon, dan surel; boleh beberapa baris.</source>
        <translation>Address, telephone and e-mail; several lines are allowed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tempat penetapan:</source>
        <translation>&amp;Place of issue:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dicetak sebagai «Ditetapkan di …» di atas tanda tangan.</source>
        <translation>Printed as “Ditetapkan di …” above the signature.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Logo:</source>
        <translation>Log&amp;o:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tanpa logo, kop memakai lambang netral bawaan; pasang lambang daerah yang resmi di sini.</source>
        <translation>Without a logo the letterhead uses a neutral built-in emblem; put the official regional emblem here.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Pembukaan:</source>
        <translation>&amp;Opening:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tulisan {stage} diganti dengan nama tahap yang diumumkan, misalnya «Seleksi Kompetensi».</source>
        <translation>The text {stage} is replaced by the name of the announced stage, for example “Seleksi Kompetensi”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Dasar:</source>
        <translation>Legal &amp;basis:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Satu peraturan per baris; penomoran dibuat otomatis dalam urutan yang ditulis di sini.</source>
        <translation>One regulation per line; they are numbered automatically in the order written here.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ada masa sanggah</source>
        <translation>Objection period</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mis. Sekretariat Panitia, Kantor BKPSDM Kota Binjai, atau alamat surel</source>
        <translation>e.g. Committee secretariat, BKPSDM office of Binjai, or an e-mail address</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Masa &amp;sanggah:</source>
        <translation>&amp;Objection period:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tem&amp;pat sanggah:</source>
        <translation>Objection &amp;place:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>T&amp;embusan:</source>
        <translation>&amp;Copies to:</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>&amp;Langkah berikutnya:</source>
        <translation>&amp;Next steps:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yang wajib dilakukan peserta yang lulus: pemberkasan atau daftar ulang (dokumen, batas waktu, tempat); setelah SKD: jadwal SKB.</source>
        <translation>What the successful participants must do: submit documents or re-register (documents, deadline, place); after SKD: the SKB schedule.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Ketentuan lain:</source>
        <translation>Other pro&amp;visions:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Satu ketentuan per baris; dinomori setelah masa sanggah dan langkah.</source>
        <translation>One provision per line; numbered after the objection period and the next steps.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satu penerima per baris.</source>
        <translation>One recipient per line.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(tanpa awalan)</source>
        <translation>(no prefix)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>18 digit, tanpa spasi</source>
        <translation>18 digits, no spaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stempel</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Awalan:</source>
        <translation>P&amp;refix:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plh. bila pejabatnya berhalangan sementara; Pj. bila jabatan itu kosong atau pejabatnya berhalangan tetap.</source>
        <translation>Plh. when the official is temporarily unavailable; Pj. when the post is vacant or the official is permanently unavailable.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Jabatan:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nama:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindaian tanda tangan:</source>
        <translation>Signature scan:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stempel:</source>
        <translation>Stamp:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Anggota panitia yang menandatangani berita acara, dalam urutan yang dicetak.</source>
        <translation>The committee members who sign the official report (berita acara), in the order printed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jabatan dalam panitia</source>
        <translation>Committee role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Tambah anggota</source>
        <translation>&amp;Add member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hapus anggota</source>
        <translation>&amp;Remove member</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Belum disimpan: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>FairnessTab</name>
    <message>
        <location filename="../../app/ui/pages/monev/fairness_tab.py" line="+64"/>
        <source>terlalu kecil untuk dinilai (&lt; %1 pelamar)</source>
        <translation>too small to judge (&lt; %1 applicants)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>di bawah empat perlima: patut diperiksa</source>
        <translation>below four fifths: worth examining</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>tidak dinilai</source>
        <translation>not judged</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Kelompok / tingkat</source>
        <translation>Group / level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pelamar</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terpilih</source>
        <translation>Selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tingkat terpilih</source>
        <translation>Selection rate</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+27"/>
        <location line="+21"/>
        <source>Rasio dampak</source>
        <translation>Impact ratio</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>p Fisher</source>
        <translation>Fisher p</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tingkat terpilih terendah dibagi yang tertinggi</source>
        <translation>The lowest selection rate divided by the highest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uji eksak Fisher, terendah lawan tertinggi, dua sisi</source>
        <translation>Fisher&apos;s exact test, lowest against highest, two-sided</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rasio dampak: tingkat terpilih terendah dibagi yang tertinggi di antara tingkat yang cukup besar (≥ %1 pelamar). Di bawah %2 (empat perlima, 29 CFR 1607.4(D)) patut diperiksa; p Fisher menunjukkan seberapa mungkin selisih itu terjadi kebetulan. Terpilih: dalam kuota tahap ini. * kurang dari %1 pelamar: ditampilkan, tidak dinilai.</source>
        <translation>Impact ratio: the lowest selection rate divided by the highest, among levels large enough (≥ %1 applicants). Below %2 (four fifths, 29 CFR 1607.4(D)) it is worth examining; Fisher&apos;s p says how likely such a gap is by chance alone. Selected: within the quota of this stage. * fewer than %1 applicants: shown, not judged.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tanpa rasio (kurang dari dua tingkat yang cukup besar): %1.</source>
        <translation>No ratio (fewer than two levels large enough): %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kelompok asal daerah muncul setelah kode wilayah instansi diisi di atas.</source>
        <translation>The local group appears once the agency&apos;s regency code is filled in above.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Empat perlima</source>
        <translation>Four fifths</translation>
    </message>
</context>
<context>
    <name>FgdTab</name>
    <message>
        <location filename="../../app/ui/pages/policy/fgd_tab.py" line="+72"/>
        <source>Tambah responden…</source>
        <translation>Add respondent…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah jawaban…</source>
        <translation>Edit answers…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor berkas FGD…</source>
        <translation>Import FGD file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cetak kuesioner…</source>
        <translation>Print questionnaire…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buku kerja isian…</source>
        <translation>Workbook to fill in…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecualikan responden yang tidak konsisten</source>
        <translation>Leave out inconsistent respondents</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+302"/>
        <source>Usulkan bobot ke rancangan</source>
        <translation>Propose the weights into the draft</translation>
    </message>
    <message>
        <location line="-290"/>
        <source>Responden</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Bobot kelompok</source>
        <translation>Group weight</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>CR per bagian</source>
        <translation>CR per part</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanyakan lagi</source>
        <translation>Ask again</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kriteria</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usulan (%)</source>
        <translation>Proposed (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebaran antarresponden</source>
        <translation>Spread across respondents</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Belum ada responden. Tambahkan dengan formulir, atau cetak kuesioner dan impor buku kerja isiannya.</source>
        <translation>No respondents yet. Add them with the form, or print the questionnaire and import the workbook it was typed into.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source> (dikecualikan)</source>
        <translation> (left out)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>CR kelompok %1; konsensus %2. %3 responden tidak konsisten.</source>
        <translation>Group CR %1; consensus %2. %3 respondents inconsistent.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Usulan ini melanggar: %1</source>
        <translation>This proposal breaks: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+12"/>
        <location line="+4"/>
        <source>Impor berkas FGD</source>
        <translation>Import FGD file</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Tabel (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Tables (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+11"/>
        <source>Cetak kuesioner</source>
        <translation>Print questionnaire</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kuesioner ditulis: %1 (%2 halaman).</source>
        <translation>Questionnaire written: %1 (%2 pages).</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source>Buku kerja isian</source>
        <translation>Workbook to fill in</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Buku kerja isian ditulis: %1.</source>
        <translation>Workbook to fill in written: %1.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../app/ui/import_wizard/file_page.py" line="+38"/>
        <source>Pilih berkas</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Belum ada berkas yang dipilih.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Berkas CSV atau XLSX dengan satu baris judul kolom. Bentuk lebar: nomor peserta (dan penilai), lalu satu kolom per komponen. Bentuk panjang: nomor peserta, komponen, nilai dan penilai. Judul kolom boleh lain; pada langkah berikut ditentukan kolom mana yang mana.</source>
        <translation>A CSV or XLSX file with one header row. Wide form: participant number (and assessor), then one column per component. Long form: participant number, component, score and assessor. The headers may differ; the next step says which column is which.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Berkas CSV atau XLSX dengan satu baris judul kolom. Kolom wajib: {required}. Kolom lain yang dikenal: {optional}.</source>
        <translation>A CSV or XLSX file with one header row. Required columns: {required}. Other known columns: {optional}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pilih berkas untuk diimpor</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tabel (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>Tables (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Membaca berkas…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Membaca {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{size} · {rows} baris data · {columns} kolom</source>
        <translation>{size} · {rows} data rows · {columns} columns</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Catatan: berkas ini bukan UTF-8; dibaca sebagai Windows-1252 (CSV dari Excel). Periksa huruf seperti é atau ü pada pratinjau.</source>
        <translation>Note: this file is not UTF-8; it was read as Windows-1252 (a CSV from Excel). Check letters such as é or ü in the preview.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Berkas tidak dapat dibaca: {error}</source>
        <translation>The file cannot be read: {error}</translation>
    </message>
</context>
<context>
    <name>FinalizeBar</name>
    <message>
        <location filename="../../app/ui/widgets/finalize_bar.py" line="+101"/>
        <source>Putuskan SERI…</source>
        <translation>Decide SERI…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mencatat keputusan panitia atas nilai sama persis di batas kebutuhan: siapa yang mengisi kursi, alasannya, dan rujukan berita acara.</source>
        <translation>Records the committee&apos;s decision on a complete tie at the vacancy boundary: who takes the seat(s), why, and the reference of the minutes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finalisasi…</source>
        <translation>Finalize…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mengunci hasil tahap ini untuk formasi yang dipilih (atau semua formasi): nilainya tidak dapat diubah lagi, dan pengumuman dapat diterbitkan.</source>
        <translation>Locks the results of this stage for the chosen formation (or all formations): the scores can no longer be changed, and an announcement can be issued.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Buka kembali…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Membuka kembali hasil yang sudah final; alasannya dicatat di jejak audit.</source>
        <translation>Reopens final results; the reason is recorded in the audit trail.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Belum final</source>
        <translation>Not final</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nilai tahap {stage} formasi {formation} tidak dapat diubah.</source>
        <translation>Stage {stage} scores of formation {formation} cannot be changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Terkunci karena tahap {later} formasi ini sudah final; nilainya tidak dapat diubah.</source>
        <translation>Locked because stage {later} of this formation is final; its scores cannot be changed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} dari {total} formasi final</source>
        <translation>{count} of {total} formations final</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} formasi lain terkunci oleh tahap berikutnya.</source>
        <translation>{count} other formations locked by a later stage.</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+75"/>
        <source>formasi {formation}</source>
        <translation>formation {formation}</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>semua {count} formasi</source>
        <translation>all {count} formations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finalisasi hasil tahap {stage} untuk {where}?

Setelah final, nilai tahap ini dan tahap sebelumnya untuk formasi tersebut hanya dapat dibaca: tidak dapat diisi, diubah, dibatalkan, diimpor, atau diberi tanda. Pengumuman hanya dapat diterbitkan dari hasil yang sudah final. Hanya admin yang dapat membukanya kembali, dengan alasan yang dicatat.</source>
        <translation>Finalize the results of stage {stage} for {where}?

Once final, the scores of this stage and of earlier stages for those formations are read-only: they cannot be entered, changed, undone, imported or marked. Announcements can only be issued from final results. Only an admin can reopen them, with a recorded reason.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finalisasi hasil</source>
        <translation>Finalize results</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finalisasi gagal</source>
        <translation>Finalization failed</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Putuskan SERI</source>
        <translation>Decide SERI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tidak ada nilai sama persis di batas kebutuhan pada tahap {stage}.</source>
        <translation>There is no complete tie at the vacancy boundary in stage {stage}.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Keputusan SERI gagal dicatat</source>
        <translation>The tie decision was not recorded</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>semua formasi yang sudah final</source>
        <translation>all final formations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Buka kembali hasil</source>
        <translation>Reopen results</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Membuka kembali tahap {stage} untuk {where} membuat nilainya dapat diubah lagi.
Alasan (dicatat di jejak audit):</source>
        <translation>Reopening stage {stage} for {where} makes its scores editable again.
Reason (recorded in the audit trail):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gagal membuka kembali</source>
        <translation>Reopening failed</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pengumuman pengganti</source>
        <translation>Replacement announcement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pengumuman tahap {stage} sudah terbit (nomor {numbers}). Bila hasilnya berubah, terbitkan pengumuman pengganti setelah difinalkan lagi.</source>
        <translation>The announcement of stage {stage} has been issued (number {numbers}). If the results change, issue a replacement announcement once they are final again.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="+226"/>
        <source>Mulai menggunakan Seleksi ASN</source>
        <translation>Getting started with Seleksi ASN</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Seleksi contoh</source>
        <translation>Demo selection</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Membuat seleksi contoh dengan %n peserta…</source>
        <translation>
            <numerusform>Creating the demo selection with %n participant…</numerusform>
            <numerusform>Creating the demo selection with %n participants…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Seleksi contoh tidak dapat dibuat: %1</source>
        <translation>The demo selection could not be created: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Logo kop surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logo tidak dapat dipakai (%1). Pilih lagi di Pengumuman › Pengaturan dokumen.</source>
        <translation>The logo cannot be used (%1). Choose it again in Announcements › Document settings.</translation>
    </message>
</context>
<context>
    <name>FirstSelectionPage</name>
    <message>
        <location line="-243"/>
        <source>Seleksi pertama</source>
        <translation>First selection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pilih skema penilaian, lalu buat seleksi baru atau coba seleksi contoh.</source>
        <translation>Choose a scoring scheme, then create a new selection or try the demo selection.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Seleksi &amp;baru</source>
        <translation>&amp;New selection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mis. Seleksi Kompetensi Kota Binjai 2025</source>
        <translation>e.g. Binjai City Competency Selection 2025</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seleksi &amp;contoh untuk mencoba program</source>
        <translation>&amp;Demo selection to try the program</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n peserta Kota Binjai (data rekaan) dengan formasi dan nilai lengkap.</source>
        <translation>
            <numerusform>%n Binjai participant (invented data) with formations and complete scores.</numerusform>
            <numerusform>%n Binjai participants (invented data) with formations and complete scores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>&amp;Pakai seleksi yang sudah ada di berkas ini (%n)</source>
        <translation>
            <numerusform>&amp;Use the selection already in this file (%n)</numerusform>
            <numerusform>&amp;Use the selections already in this file (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Skema penilaian:</source>
        <translation>&amp;Scoring scheme:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Nama seleksi:</source>
        <translation>Selection &amp;name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tahun:</source>
        <translation>&amp;Year:</translation>
    </message>
</context>
<context>
    <name>FlowTab</name>
    <message>
        <location filename="../../app/ui/pages/monev/flow_tab.py" line="+40"/>
        <source>Per unit kerja</source>
        <translation>By work unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per formasi</source>
        <translation>By formation</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+42"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lolos ambang %1</source>
        <translation>Passed %1 threshold</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+35"/>
        <source>Dalam kuota</source>
        <translation>Within quota</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Tidak hadir</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ditandai %1</source>
        <translation>Marked %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kebutuhan</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Formasi tanpa peserta dalam kuota</source>
        <translation>Formations with nobody within quota</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ukuran</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jumlah</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>% terdaftar</source>
        <translation>% of registered</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% dalam kuota</source>
        <translation>% within quota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(tanpa unit kerja)</source>
        <translation>(no work unit)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Formasi</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peserta per kursi</source>
        <translation>Applicants per seat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>tidak ada peserta dalam kuota</source>
        <translation>nobody within quota</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>FormationTab</name>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="+204"/>
        <source>Tambah formasi</source>
        <translation>Add formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambah baris formasi baru (Insert)</source>
        <translation>Add a new formation row (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+147"/>
        <source>Hapus formasi</source>
        <translation>Delete formation</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Hanya formasi tanpa peserta yang dapat dihapus.</source>
        <translation>Only formations without participants can be deleted.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor formasi…</source>
        <translation>Import formations…</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>{formations} formasi, {quota} kebutuhan, {participants} peserta</source>
        <translation>{formations} formations, {quota} vacancies, {participants} participants</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Formasi {code} disimpan.</source>
        <translation>Formation {code} saved.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Isi kode dan jabatan; formasi disimpan setelah keduanya terisi.</source>
        <translation>Fill in code and position; the formation is saved once both are filled.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hapus formasi {code} ({title})?</source>
        <translation>Delete formation {code} ({title})?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Formasi {code} dihapus.</source>
        <translation>Formation {code} deleted.</translation>
    </message>
</context>
<context>
    <name>FormationTableModel</name>
    <message>
        <location filename="../../app/ui/formation_model.py" line="+77"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kebutuhan</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Belum disimpan: formasi disimpan setelah kode dan jabatan diisi.</source>
        <translation>Not saved yet: the formation is saved once code and position are filled.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Kebutuhan harus berupa bilangan bulat.</source>
        <translation>Vacancies must be a whole number.</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <location filename="../../app/ui/pages/forms.py" line="+241"/>
        <source>Jenis formulir</source>
        <translation>Kind of form</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Blanko penilaian</source>
        <translation>&amp;Score sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Daftar hadir</source>
        <translation>&amp;Attendance list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berita &amp;acara</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Slip hasil seleksi</source>
        <translation>Result s&amp;lip</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Isi formulir</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tahap:</source>
        <translation>S&amp;tage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Komponen:</source>
        <translation>&amp;Component:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untuk:</source>
        <translation>For:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nomor peserta:</source>
        <translation>Participant &amp;number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Formasi:</source>
        <translation>&amp;Formation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;esi ujian:</source>
        <translation>T&amp;est session:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Penilai:</source>
        <translation>Assess&amp;or:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;mpat:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tan&amp;ggal:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;omor berita acara:</source>
        <translation>Minutes num&amp;ber:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sat&amp;u peserta</source>
        <translation>&amp;One participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semua &amp;peserta formasi</source>
        <translation>Ever&amp;yone in the formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mis. 24127500000123</source>
        <translation>e.g. 24127500000123</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Kosongkan: ditulis tangan</source>
        <translation>Leave empty: written by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+186"/>
        <source>Tampilkan p&amp;ratinjau</source>
        <translation>Show p&amp;review</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Susun formulir dan tampilkan di sebelah kanan.</source>
        <translation>Draw the form and show it on the right.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;impan PDF…</source>
        <translation>Sa&amp;ve as PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cetak…</source>
        <translation>Pr&amp;int…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lembar yang diisi penilai dengan tangan: satu baris per peserta dalam urutan entri nilai, satu kotak per aspek, dengan rentang, bobot, dan nilai ambang batas komponen.</source>
        <translation>The sheet an assessor fills in by hand: one row per participant in score-entry order, one box per aspect, with the component&apos;s range, weight and threshold.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Daftar yang ditandatangani peserta di ruang ujian, per formasi atau per sesi ujian.</source>
        <translation>The list participants sign in the test room, per formation or per test session.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berita acara penetapan hasil satu formasi, dengan tabel hasil dan kolom tanda tangan setiap anggota panitia.</source>
        <translation>The minutes fixing one formation&apos;s results, with the results table and a signature box for every committee member.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hasil seorang peserta dengan kode QR untuk pemeriksaan keaslian; untuk semua peserta formasi, setiap slip pada halamannya sendiri.</source>
        <translation>One participant&apos;s results with a QR code to check authenticity; for everyone in a formation, each slip on a page of its own.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pilih jenis formulir dan isinya, lalu tekan «Tampilkan pratinjau».</source>
        <translation>Choose the kind of form and its contents, then press “Show preview”.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Semua formasi</source>
        <translation>All formations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} — {title} ({count} peserta)</source>
        <translation>{code} — {title} ({count} participants)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Semua sesi</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Data berubah sejak pratinjau ini disusun. Tekan «Perbarui pratinjau»; menyimpan atau mencetak menyusunnya ulang lebih dulu.</source>
        <translation>The data changed since this preview was drawn. Press “Update preview”; saving or printing draws it again first.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Perbarui p&amp;ratinjau</source>
        <translation>Update p&amp;review</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Tahap ini tidak punya komponen untuk dinilai.</source>
        <translation>This stage has no component to score.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pilih formasi: berita acara dibuat per formasi.</source>
        <translation>Choose a formation: minutes are made per formation.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pilih formasi slip.</source>
        <translation>Choose the formation of the slips.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Isi nomor peserta, atau pilih «Semua peserta formasi».</source>
        <translation>Enter a participant number, or choose “Everyone in the formation”.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Formulir</source>
        <translation>Forms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Menyusun slip semua peserta formasi {formation}…</source>
        <translation>Drawing the slips of everyone in formation {formation}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Menyusun formulir…</source>
        <translation>Drawing the form…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Formulir tersusun, tetapi pratinjaunya tidak dapat ditampilkan.</source>
        <translation>The form was drawn, but its preview cannot be shown.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name}: {pages} halaman.</source>
        <translation>{name}: {pages} page(s).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dibatalkan; tidak ada berkas yang disimpan atau dicetak.</source>
        <translation>Cancelled; nothing was saved or printed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Formulir tidak dapat disusun.</source>
        <translation>The form could not be drawn.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Simpan formulir sebagai PDF</source>
        <translation>Save the form as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Formulir tidak disimpan</source>
        <translation>Form not saved</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} disimpan ke {path} ({pages} halaman).</source>
        <translation>{name} saved to {path} ({pages} page(s)).</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+77"/>
        <source>Cetak formulir</source>
        <translation>Print form</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Tidak dapat mencetak</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pencetak tidak dapat dipakai. Periksa sambungan pencetak, lalu coba lagi.</source>
        <translation>The printer cannot be used. Check its connection, then try again.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pencetakan dibatalkan; {count} halaman sudah dikirim ke pencetak.</source>
        <translation>Printing cancelled; {count} page(s) had been sent to the printer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: {count} halaman dikirim ke pencetak.</source>
        <translation>{name}: {count} page(s) sent to the printer.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Formulir tidak terdaftar</source>
        <translation>Form not registered</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mencetak formulir…</source>
        <translation>Printing the form…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HistoryAction</name>
    <message>
        <location filename="../../app/ui/score_history_dialog.py" line="+216"/>
        <source>Riwayat nilai…</source>
        <translation>Score history…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Siapa yang memasukkan atau mengubah nilai ini, kapan, dan dengan alasan apa</source>
        <translation>Who entered or changed this score, when, and for what reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Riwayat nilai (%1)</source>
        <translation>Score history (%1)</translation>
    </message>
</context>
<context>
    <name>ImageField</name>
    <message>
        <location filename="../../app/ui/document_settings_dialog.py" line="-404"/>
        <source>Pilih gambar…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Berkas ini bukan gambar PNG atau JPEG yang terbaca.</source>
        <translation>This file is not a readable PNG or JPEG image.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pilih gambar: {title}</source>
        <translation>Choose image: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gambar PNG atau JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG or JPEG images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Berkas tidak dapat dibaca: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/package_dialogs.py" line="+397"/>
        <location line="+143"/>
        <source>Impor paket</source>
        <translation>Import package</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Paket dari laptop &lt;b&gt;{device}&lt;/b&gt; ({file}, sampai kejadian #{head}).</source>
        <translation>Package from laptop &lt;b&gt;{device}&lt;/b&gt; ({file}, up to event #{head}).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paket ini lebih lama daripada paket terakhir yang sudah diterima dari laptop {device}. Tidak ada yang digabungkan; ekspor paket baru dari laptop itu.</source>
        <translation>This package is older than the last one received from laptop {device}. Nothing is merged; export a new package on that laptop.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Semua isi paket ini sudah ada di laptop utama. Tidak ada yang perlu digabungkan.</source>
        <translation>Everything in this package is already on the main laptop. There is nothing to merge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bila digabungkan, laptop utama menerima:</source>
        <translation>When merged, the main laptop receives:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Gabungkan</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nilai baru:</source>
        <translation>New scores:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai diganti oleh laptop yang sama:</source>
        <translation>Scores replaced by the same laptop:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai ditarik (dikosongkan):</source>
        <translation>Scores withdrawn (emptied):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ditahan karena berselisih:</source>
        <translation>Held because they disagree:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sama dengan yang sudah ada:</source>
        <translation>Same as already here:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda peserta baru:</source>
        <translation>New participant marks:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entri ganda baru:</source>
        <translation>New double entries:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kejadian audit baru:</source>
        <translation>New audit events:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Baris berikut berbeda dengan laptop lain atau dengan nilai di laptop utama. Nilainya ditahan sampai admin memutuskan di halaman Verifikasi (Selisih antar-laptop).</source>
        <translation>These rows differ from another laptop or from the value on the main laptop. Their values are held until an admin decides on the Verification page (Differences between laptops).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Penilai</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{count} entri ganda di paket berbeda dengan entri yang sudah ada di sini dan dibiarkan: {rows}</source>
        <translation>{count} double entries in the package differ from the entries already here and are left as they are: {rows}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Menggabungkan paket…</source>
        <translation>Merging the package…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../app/ui/import_wizard/wizard.py" line="+61"/>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Impor peserta</source>
        <translation>Import participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor formasi</source>
        <translation>Import formations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor nilai</source>
        <translation>Import scores</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nomor peserta</source>
        <translation>Participant number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode formasi</source>
        <translation>Formation code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPK / rata-rata ijazah</source>
        <translation>GPA / diploma average</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelompok prioritas</source>
        <translation>Priority group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Afirmasi (%)</source>
        <translation>Affirmation (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sesi ujian</source>
        <translation>Test session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit kerja</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kebutuhan</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penilai</source>
        <translation>Assessor</translation>
    </message>
</context>
<context>
    <name>InstansiPage</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="-140"/>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama instansi dan logo kop surat dicetak pada pengumuman dan dokumen.</source>
        <translation>The agency name and letterhead logo are printed on announcements and documents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mis. Pemerintah Kota Binjai</source>
        <translation>e.g. Pemerintah Kota Binjai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(tanpa logo)</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pilih…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hapus</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nama &amp;instansi:</source>
        <translation>&amp;Agency name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Logo kop surat:</source>
        <translation>&amp;Letterhead logo:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Logo boleh dilewati dan dipilih nanti.</source>
        <translation>You may skip the logo and choose it later.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pilih logo kop surat</source>
        <translation>Choose the letterhead logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gambar (*.png *.jpg *.jpeg *.svg);;Semua berkas (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg);;All files (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Berkas %1 bukan gambar yang dapat dibaca.</source>
        <translation>%1 is not an image that can be read.</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../app/ui/issue_dialog.py" line="+81"/>
        <location line="+358"/>
        <source>Terbitkan pengumuman</source>
        <translation>Issue announcement</translation>
    </message>
    <message>
        <location line="-347"/>
        <source>Pengumuman yang sudah diterbitkan tidak dapat diubah.
Koreksi dilakukan dengan menerbitkan pengumuman baru yang menggantikannya.</source>
        <translation>An issued announcement cannot be changed.
To correct it, issue a new announcement that replaces it.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Kosongkan agar nomor urut diberikan otomatis (mis. 001/PANSELDA/2024)</source>
        <translation>Leave empty for an automatic serial number (e.g. 001/PANSELDA/2024)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kosongkan untuk judul baku: HASIL &lt;tahap&gt; &lt;nama seleksi&gt;</source>
        <translation>Leave empty for the standard title: HASIL &lt;stage&gt; &lt;selection name&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Tahap:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nomor:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;anggal:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Perihal:</source>
        <translation>S&amp;ubject:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tandatangani secara &amp;elektronik</source>
        <translation>Sign &amp;electronically</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas kunci panitia (.p12)</source>
        <translation>Committee key file (.p12)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Kunci panitia dibuat sekali lewat «Buat kunci panitia…».
Kata sandinya tidak disimpan oleh aplikasi.</source>
        <translation>The committee key is created once, with “Create committee key…”.
The application does not keep its password.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kunci:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kata &amp;sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pilih tempat menyimpan berkas PDF</source>
        <translation>Choose where to save the PDF file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan ke</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Berkas PDF:</source>
        <translation>PDF &amp;file:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Terbitkan</source>
        <translation>&amp;Issue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Memeriksa hasil tahap {stage}…</source>
        <translation>Checking the results of stage {stage}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Memeriksa hasil</source>
        <translation>Checking the results</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Menghitung peringkat tahap {stage}…</source>
        <translation>Computing the ranking of stage {stage}…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>dan {count} formasi lainnya</source>
        <translation>and {count} more formations</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{total} peserta: {counts}</source>
        <translation>{total} participants: {counts}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nilai {count} peserta belum lengkap; pengumuman belum dapat diterbitkan.</source>
        <translation>Scores of {count} participants are incomplete; the announcement cannot be issued yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lengkapi nilainya di halaman Input nilai, atau tandai yang tidak hadir.</source>
        <translation>Complete them on the Score entry page, or mark those who were absent.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nilai sama persis (SERI) di batas kebutuhan belum diputuskan pada formasi:</source>
        <translation>A complete tie (SERI) at the vacancy boundary is not decided yet in formation(s):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Panitia memutuskan siapa yang mengisi kursi di halaman Peringkat dengan tombol «Putuskan SERI…»; pengumuman tidak boleh memuat lebih banyak yang lulus daripada kebutuhan.</source>
        <translation>The committee decides who takes the seats on the Rankings page with «Decide SERI…»; an announcement may never pass more participants than there are vacancies.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hasil tahap ini belum final untuk {count} dari {total} formasi:</source>
        <translation>The results of this stage are not final for {count} of {total} formations:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pengumuman hanya dapat diterbitkan dari hasil yang sudah final.</source>
        <translation>An announcement can only be issued from final results.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalisasi hasilnya di halaman Peringkat dengan tombol «Finalisasi…».</source>
        <translation>Finalize the results on the Rankings page with the “Finalize…” button.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Semua nilai lengkap; pengumuman siap diterbitkan.</source>
        <translation>All scores are complete; the announcement is ready to issue.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hasil tahap ini tidak dapat dihitung: {reason}</source>
        <translation>The results of this stage cannot be computed: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pilih kunci panitia</source>
        <translation>Choose the committee key</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kunci PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 keys (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Simpan pengumuman</source>
        <translation>Save the announcement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Pilih berkas kunci panitia (.p12) untuk menandatangani.</source>
        <translation>Choose the committee key file (.p12) to sign with.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Isi kata sandi kunci panitia.</source>
        <translation>Enter the password of the committee key.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tanggal jauh ke depan</source>
        <translation>Date far ahead</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanggal pengumuman {date} lebih dari {days} hari ke depan. Pengumuman yang sudah terbit tidak dapat diubah. Terbitkan dengan tanggal ini?</source>
        <translation>The announcement date {date} is more than {days} days ahead. An issued announcement cannot be changed. Issue it with this date?</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Menyusun dan menyimpan pengumuman…</source>
        <translation>Composing and saving the announcement…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pengumuman tidak diterbitkan</source>
        <translation>Announcement not issued</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../app/ui/app.py" line="+96"/>
        <location line="+70"/>
        <source>Berkas tidak dapat dibuka</source>
        <translation>The file cannot be opened</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Pilih berkas basis data lain</source>
        <translation>Choose another database file</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Berkas sudah ada</source>
        <translation>The file already exists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas %1 sudah ada. Pilih nama lain, atau buka berkas itu dengan Buka.</source>
        <translation>%1 already exists. Choose another name, or open that file with Open.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1

Buka salinan cadangan terbaru (%2)? Cadangan itu dipulihkan ke berkas baru di folder yang sama; berkas yang rusak tidak diubah.</source>
        <translation>%1

Open the newest backup (%2)? It is restored into a new file in the same folder; the damaged file is not changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Berkas rusak</source>
        <translation>Damaged file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pemulihan gagal</source>
        <translation>Recovery failed</translation>
    </message>
</context>
<context>
    <name>Location</name>
    <message>
        <location filename="../../app/ui/location.py" line="+64"/>
        <source>server %1/%2</source>
        <translation>server %1/%2</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 (pengguna %2)</source>
        <translation>%1 (user %2)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="+42"/>
        <source>Masuk — Seleksi ASN</source>
        <translation>Log in — Seleksi ASN</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Masuk ke Seleksi ASN</source>
        <translation>Log in to Seleksi ASN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Basis data: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Kata sandi baru wajib dibuat sebelum masuk. Masuk lagi untuk membuatnya.</source>
        <translation>A new password must be chosen before logging in. Log in again to choose it.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+134"/>
        <source>Persiapan</source>
        <translation>Set-up</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Input nilai</source>
        <translation>Score entry</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peringkat</source>
        <translation>Rankings</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pengumuman</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Formulir</source>
        <translation>Forms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jejak audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Paket</source>
        <translation>Packages</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Monev</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rancangan kebijakan</source>
        <translation>Policy drafts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Basis data Seleksi ASN (*.db *.sqlite);;Semua berkas (*)</source>
        <translation>Seleksi ASN databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Memeriksa riwayat</source>
        <translation>Checking the history</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Baru…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buat berkas basis data baru</source>
        <translation>Create a new database file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Buka…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buka berkas basis data lain</source>
        <translation>Open another database file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sambungkan ke &amp;server…</source>
        <translation>Connect to &amp;server…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buka seleksi yang disimpan di server PostgreSQL pada jaringan kantor</source>
        <translation>Open a selection kept on a PostgreSQL server on the office network</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Terakhir dibuka</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Siapkan &amp;laptop lapangan…</source>
        <translation>Prepare field &amp;laptop…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tulis berkas basis data untuk laptop di ruang ujian</source>
        <translation>Write a database file for a laptop in an exam room</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Impor paket…</source>
        <translation>&amp;Import package…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gabungkan nilai dari paket laptop lapangan</source>
        <translation>Merge the scores of a field laptop&apos;s package</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ekspor paket…</source>
        <translation>&amp;Export package…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tulis paket nilai laptop ini untuk dibawa ke laptop utama</source>
        <translation>Write this laptop&apos;s score package to take to the main laptop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ganti kata sandi…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ganti kata sandi akun Anda</source>
        <translation>Change the password of your account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keluar / ganti &amp;pengguna</source>
        <translation>&amp;Log out / switch user</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keluar dari akun ini dan kembali ke layar masuk tanpa menutup program</source>
        <translation>Log out of this account and return to the login without closing the program</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keluar</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Halaman</source>
        <translation>&amp;Pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baca ulang halaman ini dari basis data</source>
        <translation>Read this page again from the database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panduan</source>
        <translation>&amp;Manual</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Panduan hari seleksi, dari persiapan sampai pengumuman</source>
        <translation>The selection day, from set-up to the announcement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tentang Seleksi ASN</source>
        <translation>&amp;About Seleksi ASN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sembunyikan peringatan ini</source>
        <translation>Hide this warning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seleksi:</source>
        <translation>&amp;Selection:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+189"/>
        <source>(belum ada seleksi)</source>
        <translation>(no selection yet)</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Akun %1 dinonaktifkan oleh admin. Masuk dengan akun lain.</source>
        <translation>The account %1 was deactivated by an admin. Log in with another account.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peran akun %1 kini %2. Masuk lagi agar peran itu berlaku.</source>
        <translation>The role of the account %1 is now %2. Log in again for it to apply.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Akun Anda berubah</source>
        <translation>Your account changed</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Berkas ini belum berisi seleksi.</source>
        <translation>This file holds no selection yet.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n formasi</source>
        <translation>
            <numerusform>%n formation</numerusform>
            <numerusform>%n formations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n peserta</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Basis data baru</source>
        <translation>New database</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buka basis data</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Kata sandi diganti.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>pengguna %1</source>
        <translation>user %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kosongkan daftar</source>
        <translation>&amp;Clear list</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Berkas tidak ditemukan</source>
        <translation>File not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas %1 tidak ada lagi; dihapus dari daftar.</source>
        <translation>%1 no longer exists; it was removed from the list.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Seleksi ASN %1

Aplikasi luring bagi panitia seleksi ASN daerah: nilai, peringkat, dan pengumuman hasil menurut aturan resmi.

Basis data: %2</source>
        <translation>Seleksi ASN %1

An offline application for regional civil-service selection committees: scores, rankings and result announcements by the official rules.

Database: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tentang Seleksi ASN</source>
        <translation>About Seleksi ASN</translation>
    </message>
    <message>
        <location line="-670"/>
        <source>Verifikasi</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../app/ui/manual.py" line="+34"/>
        <source>Panduan Seleksi ASN</source>
        <translation>Seleksi ASN manual</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../app/ui/import_wizard/mapping_page.py" line="+52"/>
        <source>Kolom dan pratinjau</source>
        <translation>Columns and preview</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Bentuk berkas:</source>
        <translation>File &amp;form:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lebar: satu kolom per komponen</source>
        <translation>Wide: one column per component</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Panjang: kolom komponen dan nilai</source>
        <translation>Long: a component column and a score column</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tahap:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kolom di berkas</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contoh isi</source>
        <translation>Sample content</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dipetakan ke</source>
        <translation>Mapped to</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Pilih bentuk berkas dan tahapnya, lalu periksa untuk setiap kolom berkas ke komponen mana isinya masuk. Kolom bertanda * wajib ada; pilih (abaikan) untuk kolom yang tidak diimpor.</source>
        <translation>Choose the file&apos;s form and its stage, then check for every column of the file which component it goes to. Columns marked * are required; choose (ignore) for a column that is not imported.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Periksa untuk setiap kolom berkas ke kolom mana isinya masuk. Kolom bertanda * wajib ada; pilih (abaikan) untuk kolom yang tidak diimpor.</source>
        <translation>Check, for each column of the file, which field its contents go into. Fields marked * are required; choose (ignore) for columns that are not imported.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(semua tahap)</source>
        <translation>(all stages)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(abaikan)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pratinjau {shown} baris pertama dari {total} baris:</source>
        <translation>Preview of the first {shown} of {total} rows:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Catatan: berkas ini bukan UTF-8; dibaca sebagai Windows-1252 (CSV dari Excel). Periksa huruf seperti é atau ü di bawah.</source>
        <translation>Note: this file is not UTF-8; it was read as Windows-1252 (CSV from Excel). Check letters such as é or ü below.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Kolom wajib belum dipetakan: {columns}.</source>
        <translation>Required fields not mapped yet: {columns}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dipilih untuk lebih dari satu kolom berkas: {columns}.</source>
        <translation>Chosen for more than one file column: {columns}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Belum ada kolom berkas yang dipetakan ke komponen nilai.</source>
        <translation>No column of the file is mapped to a score component yet.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Semua kolom wajib sudah dipetakan; {count} kolom nilai komponen.</source>
        <translation>Every required column is mapped; {count} component score columns.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Semua kolom wajib sudah dipetakan.</source>
        <translation>Every required field is mapped.</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <location filename="../../app/ui/mark_dialog.py" line="+72"/>
        <source>Tandai peserta</source>
        <translation>Mark participant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;{number}&lt;/b&gt; — {name}&lt;br&gt;Formasi {formation}: {position}</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; — {name}&lt;br&gt;Formation {formation}: {position}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Jenis tanda</source>
        <translation>Kind of mark</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>APS — mengundurkan diri</source>
        <translation>APS — withdrew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TMS — tidak memenuhi syarat</source>
        <translation>TMS — does not meet the requirements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DIS — diskualifikasi</source>
        <translation>DIS — disqualified</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Berlaku mulai tahap:</source>
        <translation>From stage:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Misalnya: surat pengunduran diri tanggal 12-08-2024</source>
        <translation>For example: letter of withdrawal dated 12-08-2024</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alasan (wajib):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tanda yang sudah tercatat:</source>
        <translation>Marks already recorded:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Belum ada tanda untuk peserta ini.</source>
        <translation>No marks for this participant yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simpan tanda</source>
        <translation>Save mark</translation>
    </message>
</context>
<context>
    <name>Monev</name>
    <message>
        <location filename="../../app/ui/pages/monev/words.py" line="+25"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usia</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asal daerah</source>
        <translation>Local or not</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>perempuan</source>
        <translation>women</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>laki-laki</source>
        <translation>men</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lokal</source>
        <translation>local</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>luar daerah</source>
        <translation>from elsewhere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>di bawah 25 tahun</source>
        <translation>under 25</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25–29 tahun</source>
        <translation>25–29</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30–34 tahun</source>
        <translation>30–34</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>35 tahun ke atas</source>
        <translation>35 and over</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(tidak diisi)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>buruk</source>
        <translation>poor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sedang</source>
        <translation>moderate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>baik</source>
        <translation>good</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sangat baik</source>
        <translation>excellent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tes pengetahuan kerja</source>
        <translation>Job knowledge test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampel kerja (tes praktik)</source>
        <translation>Work sample (practical test)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wawancara terstruktur</source>
        <translation>Structured interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kemampuan kognitif umum</source>
        <translation>General cognitive ability</translation>
    </message>
</context>
<context>
    <name>MonevPage</name>
    <message>
        <location filename="../../app/ui/pages/monev/page.py" line="+96"/>
        <source>Monev</source>
        <translation>M&amp;E</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Tahap:</source>
        <translation>S&amp;tage:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Formasi:</source>
        <translation>&amp;Formation:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Unit kerja:</source>
        <translation>&amp;Work unit:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Kode wilayah:</source>
        <translation>&amp;Regency code:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mis. 1275</source>
        <translation>e.g. 1275</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kode kabupaten/kota instansi: empat angka pertama NIK penduduknya (1275 untuk Kota Binjai). Pelamar dengan kode ini dihitung lokal pada tab Keadilan.</source>
        <translation>The agency&apos;s regency or city code: the first four digits of its residents&apos; NIK (1275 for Kota Binjai). Applicants with this code count as local on the Fairness tab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Impor data kinerja…</source>
        <translation>Import performance…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kinerja (SKP) peserta yang diterima, untuk validitas prediktif</source>
        <translation>Performance (SKP) of the participants appointed, for predictive validity</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Laporan Monitoring dan Evaluasi: ringkasan satu halaman, lalu rinciannya dan rekomendasi tim monev, seperti seleksi evaluate --out</source>
        <translation>The monitoring and evaluation report: a one-page summary, then the details and the M&amp;E team’s recommendations, as seleksi evaluate --out</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Laporan PDF…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tabel XLSX…</source>
        <translation>XLSX tables…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Semua tahap untuk formasi atau unit kerja yang dipilih, seperti seleksi evaluate --xlsx</source>
        <translation>Every stage for the chosen formation or work unit, as seleksi evaluate --xlsx writes it</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Alur peserta</source>
        <translation>Applicant flow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebaran nilai</source>
        <translation>Score spread</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penilai</source>
        <translation>Assessors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keadilan</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validitas</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temuan dan rekomendasi</source>
        <translation>Findings and recommendations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Antartahun</source>
        <translation>Year to year</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Menghitung…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Angka monev tidak dapat dihitung: %1</source>
        <translation>The M&amp;E figures could not be computed: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Temuan dan rekomendasi (%1)</source>
        <translation>Findings and recommendations (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diperbarui %1</source>
        <translation>updated %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+180"/>
        <source>Formasi %1</source>
        <translation>Formation %1</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Seluruh seleksi</source>
        <translation>Whole selection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 peserta pada tahap %2</source>
        <translation>%1 participants at stage %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Belum ada seleksi. Buat atau buka seleksi untuk melihat angka monev.</source>
        <translation>No selection yet. Create or open a selection to see its M&amp;E figures.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Angka monev sedang dihitung…</source>
        <translation>Computing the M&amp;E figures…</translation>
    </message>
    <message>
        <location line="+81"/>
        <location line="+17"/>
        <location line="+17"/>
        <source>Impor data kinerja</source>
        <translation>Import performance data</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Tabel (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>Tables (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Data kinerja: %1 baris baru, %2 sudah ada.</source>
        <translation>Performance data: %1 new rows, %2 already stored.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>… dan %1 masalah lain (lihat rincian).</source>
        <translation>… and %1 more problems (see the details).</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+11"/>
        <location line="+57"/>
        <source>Ekspor tabel monev</source>
        <translation>Export M&amp;E tables</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unit kerja %1</source>
        <translation>Agency %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source>Ekspor laporan monev</source>
        <translation>Export the M&amp;E report</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Laporan ditulis: %1 (%2 halaman)</source>
        <translation>Report written: %1 (%2 pages)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tabel ditulis: %1</source>
        <translation>Tables written: %1</translation>
    </message>
</context>
<context>
    <name>NewDraftDialog</name>
    <message>
        <location filename="../../app/ui/pages/policy/draft_dialog.py" line="+39"/>
        <source>Rancangan kebijakan baru</source>
        <translation>New policy draft</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rancangan dimulai dari salinan skema seleksi ini. Skema seleksi sendiri tidak berubah; rancangan menjadi skema baru hanya bila dijadikan skema.</source>
        <translation>A draft starts as a copy of this selection’s scheme. The selection’s own scheme does not change; the draft becomes a new scheme only when it is adopted.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mis. Revisi bobot seleksi kompetensi 2025</source>
        <translation>e.g. Revised weights of the 2025 competency selection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nama rancangan:</source>
        <translation>Draft &amp;name:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tahap yang dibobot:</source>
        <translation>&amp;Stage weighed:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mis. Laporan Monev 2024: kesepakatan penilai praktik rendah</source>
        <translation>e.g. 2024 M&amp;E report: low agreement of the practical-test assessors</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Menjawab:</source>
        <translation>&amp;Answers:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Buat rancangan</source>
        <translation>Create draft</translation>
    </message>
</context>
<context>
    <name>PackageConflictDialog</name>
    <message>
        <location filename="../../app/ui/resolve_dialog.py" line="+214"/>
        <source>Putuskan selisih antar-laptop</source>
        <translation>Decide a difference between laptops</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;{number}&lt;/b&gt; — {name}</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; — {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Komponen {component}</source>
        <translation>Component {component}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>penilai {name}</source>
        <translation>assessor {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Laptop-laptop ini mengirim nilai berbeda untuk baris yang sama. Periksa lembar nilai asli; nilai sumber yang dipilih menjadi nilai baris ini, dan semua nilai serta alasan Anda tercatat di jejak audit. Sekarang tercatat: {value}.</source>
        <translation>These laptops sent different values for the same row. Check the paper sheet; the chosen source&apos;s value becomes this row&apos;s value, and every value and your reason are recorded in the audit trail. Recorded now: {value}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nilai yang benar</source>
        <translation>The correct value</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{source}: {value} (oleh {user})</source>
        <translation>{source}: {value} (by {user})</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <location filename="../../app/ui/pages/packages.py" line="+115"/>
        <source>Siapkan laptop lapangan…</source>
        <translation>Prepare field laptop…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor paket…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ekspor paket…</source>
        <translation>Export package…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kirim koreksi ke laptop…</source>
        <translation>Send corrections to laptop…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Koreksi data peserta, pendaftar susulan dan tanda untuk laptop yang dipilih; nilai laptop itu tidak disentuh</source>
        <translation>Participant corrections, late registrations and marks for the chosen laptop; that laptop&apos;s scores are not touched</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Terima koreksi dari laptop utama…</source>
        <translation>Receive corrections from the main laptop…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formasi</source>
        <translation>Formations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Komponen</source>
        <translation>Components</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidik jari kunci</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paket terakhir</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paket diterima</source>
        <translation>Packages received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hasil paket terakhir</source>
        <translation>Last package brought</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Laptop lapangan dipakai di ruang ujian tanpa jaringan. Siapkan berkasnya di sini, lalu impor paket yang diekspor dari laptop itu: nilai yang sama digabungkan, nilai yang berbeda ditahan untuk diputuskan admin di halaman Verifikasi. Paket yang sama boleh diimpor berulang kali.</source>
        <translation>Field laptops are used in exam rooms without a network. Prepare their files here, then import the packages exported on them: values that agree are merged, values that differ are held for an admin to decide on the Verification page. The same package may be imported any number of times.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nilai yang diketik di laptop ini dibawa ke laptop utama sebagai paket. Paket selalu berisi semua yang diketik sejak laptop disiapkan, jadi ekspor ulang kapan saja; paket yang hilang tidak merugikan.</source>
        <translation>Scores typed on this laptop travel to the main laptop as a package. A package always holds everything typed since the laptop was prepared, so export again at any time; a lost package costs nothing.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+61"/>
        <source>semua</source>
        <translation>all</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Laptop ini: {name}, disiapkan {at}, formasi {formations}, komponen {components}. Sidik jari kunci: {fingerprint} (sama dengan yang dicatat saat disiapkan).</source>
        <translation>This laptop: {name}, prepared {at}, formations {formations}, components {components}. Key fingerprint: {fingerprint} (the same as noted when it was prepared).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Memuat laptop lapangan</source>
        <translation>Loading field laptops</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Disiapkan {at} oleh {user}</source>
        <translation>Prepared {at} by {user}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Belum ada laptop lapangan. Siapkan satu untuk setiap laptop di ruang ujian.</source>
        <translation>No field laptops yet. Prepare one for every laptop in an exam room.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>belum ada paket</source>
        <translation>no package yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#{head} · {at} ({user})</source>
        <translation>#{head} · {at} ({user})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{added} nilai baru · {conflicts} berselisih</source>
        <translation>{added} new scores · {conflicts} disagreeing</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Laptop {name} disiapkan. Sidik jari kunci: {fingerprint}</source>
        <translation>Laptop {name} prepared. Key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Impor paket laptop lapangan</source>
        <translation>Import a field laptop&apos;s package</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+62"/>
        <location line="+50"/>
        <location line="+34"/>
        <source>Paket laptop (*.paket)</source>
        <translation>Laptop package (*.paket)</translation>
    </message>
    <message>
        <location line="-133"/>
        <location line="+141"/>
        <source>Memeriksa paket…</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+15"/>
        <source>Impor paket</source>
        <translation>Import package</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paket dari {device} tidak membawa yang baru.</source>
        <translation>The package from {device} brought nothing new.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paket dari {device} digabungkan: {added} nilai baru, {replaced} diganti, {conflicts} ditahan karena berselisih.</source>
        <translation>Package from {device} merged: {added} new scores, {replaced} replaced, {conflicts} held because they disagree.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+13"/>
        <location line="+19"/>
        <location line="+105"/>
        <source>Ekspor paket</source>
        <translation>Export package</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+51"/>
        <source>Menulis paket…</source>
        <translation>Writing the package…</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Paket ditulis ke {path}.

{rows} baris nilai, {drafts} entri ganda, {marks} tanda, {events} kejadian audit (sampai #{head}).

SHA-256: {sha256}</source>
        <translation>Package written to {path}.

{rows} score rows, {drafts} double entries, {marks} marks, {events} audit events (up to #{head}).

SHA-256: {sha256}</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+12"/>
        <location line="+16"/>
        <source>Kirim koreksi ke laptop</source>
        <translation>Send corrections to laptop</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Kirim koreksi</source>
        <translation>Send corrections</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paket untuk {device} ditulis ke {path}: {participants} peserta, {marks} tanda.

Salin ke laptop itu lalu pilih Terima koreksi dari laptop utama.

SHA-256: {sha256}</source>
        <translation>Package for {device} written to {path}: {participants} participants, {marks} marks.

Copy it to that laptop, then choose Receive corrections from the main laptop.

SHA-256: {sha256}</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+12"/>
        <source>Terima koreksi dari laptop utama</source>
        <translation>Receive corrections from the main laptop</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+2"/>
        <source>Terima koreksi</source>
        <translation>Receive corrections</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paket ini sudah diterima atau lebih lama; tidak ada yang berubah.</source>
        <translation>This package was already received or is older; nothing changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dari laptop utama: {updated} peserta diperbarui, {added} peserta baru, {marks} tanda baru. Nilai laptop ini tidak disentuh. Terima?</source>
        <translation>From the main laptop: {updated} participants updated, {added} new participants, {marks} new marks. This laptop&apos;s scores are not touched. Receive?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Diterima: {updated} peserta diperbarui, {added} baru, {marks} tanda.</source>
        <translation>Received: {updated} participants updated, {added} new, {marks} marks.</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <location filename="../../app/ui/participant_dialog.py" line="+81"/>
        <source>Tambah peserta</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peserta {number}</source>
        <translation>Participant {number}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pilih tanggal</source>
        <translation>choose a date</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>misalnya 3,62</source>
        <translation>for example 3.62</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>kosong bila tidak ada</source>
        <translation>empty if none</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Data peserta</source>
        <translation>Participant data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nomor peserta:</source>
        <translation>Participant number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal lahir:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formasi:</source>
        <translation>Formation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK:</source>
        <translation>NIK:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendidikan:</source>
        <translation>Education:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPK / nilai ijazah:</source>
        <translation>GPA (IPK) / diploma score:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelompok prioritas:</source>
        <translation>Priority group:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Afirmasi (%):</source>
        <translation>Affirmation (%):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sesi:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Misalnya: peserta susulan, surat BKN nomor …</source>
        <translation>For example: late registration, BKN letter number …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Misalnya: salah ketik nama, sesuai KTP</source>
        <translation>For example: name mistyped, as on the ID card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alasan (wajib):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tambahkan</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Simpan perubahan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+106"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Peserta yang tidak ada dalam berkas impor (misalnya peserta susulan). Data diperiksa seperti baris berkas peserta; penambahan dicatat dalam jejak audit bersama alasannya.</source>
        <translation>A participant who is not in the imported file (a late registration, for example). The data is checked as a row of a participants file; the addition is recorded in the audit trail with its reason.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{number}&lt;/b&gt; — {name}&lt;br&gt;{scores} nilai tersimpan · Tanda: {marks}</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; — {name}&lt;br&gt;{scores} scores stored · Marks: {marks}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Formasi {formation} sudah final pada tahap {stage}: data peserta ini tidak dapat diubah sampai tahap itu dibuka kembali (halaman Peringkat, «Buka kembali…»).</source>
        <translation>Formation {formation} is final at stage {stage}: this participant&apos;s data cannot be changed until that stage is reopened (Rankings page, “Reopen…”).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Isi alasan dahulu: perubahan dicatat.</source>
        <translation>Give a reason first: the change is recorded.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Belum ada yang diubah.</source>
        <translation>Nothing has been changed yet.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Data peserta yang diketik belum disimpan.</source>
        <translation>The participant data you typed is not saved.</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <location filename="../../app/ui/participant_model.py" line="+134"/>
        <source>Nomor peserta</source>
        <translation>Participant number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formasi</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPK</source>
        <translation>GPA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanda</source>
        <translation>Mark</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <location filename="../../app/ui/pages/participants.py" line="+233"/>
        <source>Impor peserta…</source>
        <translation>Import participants…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor formasi…</source>
        <translation>Import formations…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor nilai…</source>
        <translation>Import scores…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tandai APS/TMS/DIS…</source>
        <translation>Mark APS/TMS/DIS…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tampilkan peserta satu formasi saja</source>
        <translation>Show the participants of one formation only</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cari nama, nomor peserta atau NIK…</source>
        <translation>Search name, participant number or NIK…</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Tambah peserta…</source>
        <translation>Add participant…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tambahkan satu peserta yang tidak ada dalam berkas impor (peserta susulan)</source>
        <translation>Add one participant who is not in the imported file (a late registration)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+203"/>
        <source>Ubah data…</source>
        <translation>Edit data…</translation>
    </message>
    <message>
        <location line="-203"/>
        <location line="+203"/>
        <source>Lihat data…</source>
        <translation>View data…</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Buka data peserta terpilih untuk dilihat atau dikoreksi, dengan alasan. Klik dua kali pada baris juga membuka ini.</source>
        <translation>Open the selected participant&apos;s data to read it or correct it, with a reason. Double-clicking a row opens it too.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tandai peserta terpilih: APS (mengundurkan diri), TMS (tidak memenuhi syarat) atau DIS (diskualifikasi).</source>
        <translation>Mark the selected participant: APS (withdrew), TMS (requirements not met) or DIS (disqualified).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Formasi:</source>
        <translation>&amp;Formation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+107"/>
        <source>Semua formasi</source>
        <translation>All formations</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Ctrl+F: cari; ketik sebagian nama, nomor atau NIK</source>
        <translation>Ctrl+F: search; type part of a name, number or NIK</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>{count} peserta</source>
        <translation>{count} participants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} dari {total} peserta</source>
        <translation>{shown} of {total} participants</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memuat daftar peserta…</source>
        <translation>Loading the participant list…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Belum ada peserta. Impor formasi terlebih dahulu, lalu impor peserta dari berkas CSV atau XLSX.</source>
        <translation>No participants yet. Import the formations first, then import participants from a CSV or XLSX file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Belum ada peserta dalam seleksi ini.</source>
        <translation>This selection has no participants yet.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Impor peserta selesai</source>
        <translation>Participant import finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor formasi selesai</source>
        <translation>Formation import finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor nilai selesai</source>
        <translation>Score import finished</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what}: {added} baru, {updated} diperbarui.</source>
        <translation>{what}: {added} new, {updated} updated.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tandai peserta</source>
        <translation>Mark participant</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tanda {kind} untuk {number} mulai tahap {stage} tersimpan.</source>
        <translation>Mark {kind} for {number} from stage {stage} saved.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Peserta {number} ditambahkan.</source>
        <translation>Participant {number} added.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data peserta {number} tersimpan.</source>
        <translation>Participant {number} saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data peserta {number} tidak berubah.</source>
        <translation>Participant {number} unchanged.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../app/ui/widgets/pdf_preview.py" line="+103"/>
        <source>Halaman sebelumnya</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Halaman berikutnya</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perkecil</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perbesar</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sesuai lebar</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sesuaikan lebar halaman dengan lebar panel</source>
        <translation>Fit the page to the width of the panel</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Berkas PDF ini tidak dapat ditampilkan.</source>
        <translation>This PDF file cannot be shown.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Halaman {page} dari {count}</source>
        <translation>Page {page} of {count}</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../../app/ui/pages/policy/page.py" line="+77"/>
        <source>Rancangan baru…</source>
        <translation>New draft…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jadikan skema…</source>
        <translation>Adopt as scheme…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tulis rancangan yang memenuhi setiap aturan sebagai berkas skema untuk seleksi baru; tercatat di jejak audit dengan sidik jari berkasnya.</source>
        <translation>Write a draft that meets every rule as the scheme file of a new selection; recorded in the audit trail with the file’s fingerprint.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Laporan PDF…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laporan Penyusunan Kebijakan untuk diskusi: bobot saat ini dan rancangan, hasil FGD, simulasi pada nilai seleksi ini, dan apakah rancangan dapat dijadikan skema.</source>
        <translation>The Policy Drafting Report for the discussion: today&apos;s weights and the draft&apos;s, the FGD&apos;s results, the simulation on this selection&apos;s scores, and whether the draft can be adopted as a scheme.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rancangan kebijakan</source>
        <translation>Policy drafts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Skema rancangan</source>
        <translation>Draft scheme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FGD (AHP)</source>
        <translation>FGD (AHP)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulasi</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rancangan skema baru, disusun bersama pemangku kepentingan dan dicoba pada seleksi ini sebelum dipakai. Skema seleksi ini sendiri tidak pernah berubah.</source>
        <translation>Drafts of a new scheme, made with stakeholders and tried on this selection before they are used. This selection’s own scheme never changes.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source> (dijadikan skema)</source>
        <translation> (adopted)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 aturan dilanggar)</source>
        <translation> (%1 rules broken)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Rancangan disimpan.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rancangan disimpan; %1 aturan masih dilanggar.</source>
        <translation>Draft saved; %1 rules are still broken.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Jadikan skema</source>
        <translation>Adopt as scheme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skema seleksi (*.toml)</source>
        <translation>Selection schemes (*.toml)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rancangan dijadikan skema: %1 (SHA-256 %2). Seleksi baru dapat memakainya.</source>
        <translation>Draft adopted as a scheme: %1 (SHA-256 %2). A new selection can use it.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+23"/>
        <source>Laporan Penyusunan Kebijakan</source>
        <translation>Policy Drafting Report</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Menulis laporan…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Laporan ditulis: %1 (%2 halaman)</source>
        <translation>Report written: %1 (%2 pages)</translation>
    </message>
</context>
<context>
    <name>PrepareLaptopDialog</name>
    <message>
        <location filename="../../app/ui/package_dialogs.py" line="-390"/>
        <location line="+179"/>
        <source>Siapkan laptop lapangan</source>
        <translation>Prepare field laptop</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Berkas basis data untuk satu laptop di ruang ujian: hanya peserta formasi yang dipilih ikut, dengan akun, skema dan pengaturan seperti di sini. Nilai yang diketik di sana kembali ke laptop utama sebagai paket.</source>
        <translation>A database file for one laptop in an exam room: only the chosen formations&apos; participants go with it, with the accounts, scheme and settings as they are here. Scores typed there come back to the main laptop as a package.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Misalnya: Ruang 2</source>
        <translation>For example: Room 2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nama laptop:</source>
        <translation>Laptop &amp;name:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Formasi:</source>
        <translation>Formations:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Komponen:</source>
        <translation>Components:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanpa centang berarti semua. Komponen yang tidak dicentang tidak dapat diketik di laptop itu.</source>
        <translation>Nothing ticked means all. Components not ticked cannot be typed on that laptop.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Berkas:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Catat sidik jari ini. Setiap paket dari laptop itu ditandatangani dengan kuncinya; laptop utama hanya menerima paket yang tanda tangannya cocok.</source>
        <translation>Write this fingerprint down. Every package from that laptop is signed with its key; the main laptop accepts only packages whose signature matches.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Siapkan</source>
        <translation>Prepare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Simpan berkas laptop lapangan</source>
        <translation>Save the field laptop&apos;s file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data Seleksi ASN (*.db)</source>
        <translation>Seleksi ASN database (*.db)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Menyalin basis data untuk laptop lapangan…</source>
        <translation>Copying the database for the field laptop…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Laptop {name} disiapkan: {count} peserta. Salin berkas ini ke laptop itu dan buka di sana:
{path}

Sidik jari kunci laptop:</source>
        <translation>Laptop {name} prepared: {count} participants. Copy this file to that laptop and open it there:
{path}

The laptop&apos;s key fingerprint:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="-170"/>
        <source>CPNS: SKD (TWK, TIU, TKP) lalu SKB, nilai akhir terintegrasi 40:60.</source>
        <translation>CPNS: SKD (TWK, TIU, TKP), then SKB; integrated final score 40:60.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PPPK: kompetensi teknis, manajerial dan sosio-kultural, wawancara.</source>
        <translation>PPPK: technical, managerial and socio-cultural competence, interview.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seleksi kompetensi Kota Binjai: pengetahuan, praktik kerja, psikotes.</source>
        <translation>Binjai City competency selection: knowledge, practical test, psychotest.</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../app/ui/import_wizard/problem_model.py" line="+24"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ProblemPanel</name>
    <message>
        <location filename="../../app/ui/scheme_editor/problems.py" line="+27"/>
        <source>Klik dua kali untuk menuju bagian yang bermasalah.</source>
        <translation>Double-click to go to the part with the problem.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Masalah ({count}); skema belum dapat disimpan:</source>
        <translation>Problems ({count}); the scheme cannot be saved yet:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Masalah: tidak ada.</source>
        <translation>Problems: none.</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../app/ui/scheme_editor/ranking.py" line="+44"/>
        <source>Naikkan (Ctrl+Atas)</source>
        <translation>Move up (Ctrl+Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turunkan (Ctrl+Bawah)</source>
        <translation>Move down (Ctrl+Down)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kunci yang dicentang dipakai, dari atas ke bawah.</source>
        <translation>The checked keys are used, from top to bottom.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>nilai akhir tahap ini</source>
        <translation>this stage&apos;s final score</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>total {name}</source>
        <translation>total {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IPK atau rata-rata nilai ijazah</source>
        <translation>GPA or diploma average</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>usia, yang lebih tua didahulukan</source>
        <translation>age, the older first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kelompok prioritas, nomor kecil didahulukan</source>
        <translation>priority group, lower number first</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>tidak dikenal</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>RankingSummary</name>
    <message>
        <location filename="../../app/ui/pages/rankings/summary.py" line="+108"/>
        <source>Keterangan kode:</source>
        <translation>Code legend:</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 diputuskan %2</source>
        <translation>%1 decided %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{count} nilai menunggu verifikasi entri ganda</source>
        <translation>{count} values awaiting double-entry verification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} selisih antar-penilai</source>
        <translation>{count} with an assessor spread</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Peringkat tidak dapat dihitung: {reason}</source>
        <translation>The ranking cannot be computed: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{total} peserta: {counts}</source>
        <translation>{total} participants: {counts}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(ditampilkan {shown} dari {total})</source>
        <translation>({shown} of {total} shown)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Diperbarui pukul {time}</source>
        <translation>Updated at {time}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Menghitung…</source>
        <translation>Computing…</translation>
    </message>
</context>
<context>
    <name>RankingTableModel</name>
    <message>
        <location filename="../../app/ui/ranking_model.py" line="+328"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formasi</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peringkat</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor peserta</source>
        <translation>Participant number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai akhir</source>
        <translation>Final score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nilai akhir tahap {stage}</source>
        <translation>Final score of stage {stage}</translation>
    </message>
</context>
<context>
    <name>RankingsPage</name>
    <message>
        <location filename="../../app/ui/pages/rankings/page.py" line="+204"/>
        <source>&amp;Tahap:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Formasi:</source>
        <translation>&amp;Formation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cari nomor peserta atau nama…</source>
        <translation>Search participant number or name…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ekspor XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mengekspor seluruh peringkat tahap dan formasi yang dipilih, dengan kolom yang sama seperti perintah seleksi rank; saringan teks tidak berlaku.</source>
        <translation>Exports the whole ranking of the chosen stage and formation, with the same columns as the seleksi rank command; the text filter does not apply.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+160"/>
        <source>Semua formasi</source>
        <translation>All formations</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Belum ada seleksi. Buat atau buka seleksi untuk melihat peringkat.</source>
        <translation>No selection yet. Create or open a selection to see its rankings.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peringkat sedang dihitung…</source>
        <translation>Computing the ranking…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{code} — {title} — kebutuhan {quota}</source>
        <translation>{code} — {title} — vacancies {quota}</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Ekspor peringkat ke XLSX</source>
        <translation>Export the ranking to XLSX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ekspor peringkat ke CSV</source>
        <translation>Export the ranking to CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ekspor peringkat</source>
        <translation>Export ranking</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas {path} tidak dapat ditulis: {reason}</source>
        <translation>{path} cannot be written: {reason}</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location line="-464"/>
        <source>Peringkat</source>
        <translation>Rankings</translation>
    </message>
    <message>
        <location line="+465"/>
        <source>Peringkat tahap {stage} ({count} peserta) disimpan ke {path}.</source>
        <translation>The ranking of stage {stage} ({count} participants) was saved to {path}.</translation>
    </message>
</context>
<context>
    <name>RecommendationDialog</name>
    <message>
        <location filename="../../app/ui/recommendation_dialog.py" line="+62"/>
        <source>Ubah rekomendasi</source>
        <translation>Revise recommendation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tambah rekomendasi</source>
        <translation>Add recommendation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rekomendasi tim monev untuk revisi kebijakan. Setiap rekomendasi tersimpan dengan nama penulisnya dan tercatat di jejak audit; laporan monev mencantumkannya di bagian Rekomendasi.</source>
        <translation>The M&amp;E team’s recommendation for the policy revision. Each recommendation is stored with its author’s name and recorded in the audit trail; the M&amp;E report lists it under Recommendations.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(evaluasi secara keseluruhan)</source>
        <translation>(the evaluation as a whole)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Menjawab temuan:</source>
        <translation>Answers the finding:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Misalnya: Penilai praktik kerja dilatih ulang dengan rubrik yang sama sebelum seleksi berikutnya, dan setiap peserta dinilai oleh dua penilai.</source>
        <translation>For example: the practical-test assessors are trained again on the same rubric before the next selection, and every participant is scored by two assessors.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rekomendasi:</source>
        <translation>Recommendation:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Simpan rekomendasi</source>
        <translation>Save recommendation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{length} dari {maximum} karakter</source>
        <translation>{length} of {maximum} characters</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Rekomendasi yang diketik belum disimpan.</source>
        <translation>The recommendation you typed is not saved yet.</translation>
    </message>
</context>
<context>
    <name>RecommendationsPanel</name>
    <message>
        <location filename="../../app/ui/widgets/recommendations_panel.py" line="+79"/>
        <source>Temuan</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+24"/>
        <source>Rekomendasi</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Tidak ada temuan: tidak satu pun angka melewati batas peringatan.</source>
        <translation>No findings: no figure crosses a warning limit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menjawab temuan</source>
        <translation>Answers the finding</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penulis</source>
        <translation>Author</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tambah rekomendasi…</source>
        <translation>Add recommendation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah…</source>
        <translation>Revise…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tarik…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tampilkan yang ditarik</source>
        <translation>Show withdrawn</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Klik dua kali sebuah temuan untuk menulis rekomendasi yang menjawabnya.</source>
        <translation>Double-click a finding to write a recommendation that answers it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rekomendasi ditulis oleh administrator dan tim monev.</source>
        <translation>Recommendations are written by the administrator and the M&amp;E team.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>(keseluruhan)</source>
        <translation>(as a whole)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{time} (diubah)</source>
        <translation>{time} (revised)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[ditarik] {text}</source>
        <translation>[withdrawn] {text}</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+12"/>
        <source>Tarik rekomendasi</source>
        <translation>Withdraw recommendation</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Tarik rekomendasi nomor {id} dari laporan? Isinya tetap tersimpan dan tercatat di jejak audit.</source>
        <translation>Withdraw recommendation number {id} from the report? Its text stays stored and recorded in the audit trail.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../app/ui/scheme_editor/records.py" line="+233"/>
        <source>{column}: &apos;{text}&apos; bukan bilangan bulat.</source>
        <translation>{column}: &apos;{text}&apos; is not a whole number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{column}: &apos;{text}&apos; bukan angka; tulis misalnya 60 atau 62,5.</source>
        <translation>{column}: &apos;{text}&apos; is not a number; write for example 60 or 62.5.</translation>
    </message>
</context>
<context>
    <name>ReplacementModel</name>
    <message>
        <location filename="../../app/ui/import_wizard/replacement_model.py" line="+22"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta / formasi</source>
        <translation>Participant / formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tersimpan</source>
        <translation>Stored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dari berkas</source>
        <translation>From the file</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/ui/user_dialogs.py" line="-55"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atur ulang</source>
        <translation>Reset</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>minimal %n karakter</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mis. lupa kata sandi</source>
        <translation>e.g. forgot the password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi &amp;baru:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alasan:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sampaikan kata sandi ini langsung kepada pemilik akun. Saat masuk berikutnya ia diminta membuat kata sandi baru. Akun yang terkunci ikut dibuka.</source>
        <translation>Tell this password to the account&apos;s holder in person. At the next login they are asked to choose a new one. A locked account is unlocked as well.</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../app/ui/resolve_dialog.py" line="-170"/>
        <source>Putuskan selisih entri ganda</source>
        <translation>Decide a double-entry mismatch</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Periksa lembar nilai asli. Nilai yang dipilih menjadi nilai terkonfirmasi; kedua entri dan alasan Anda tercatat di jejak audit.</source>
        <translation>Check the paper score sheet. The chosen value becomes the confirmed score; both entries and your reason are kept in the audit trail.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nilai yang benar</source>
        <translation>The correct value</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>angka, atau TH bila tidak hadir</source>
        <translation>a number, or TH when absent</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Nilai lain:</source>
        <translation>Another value:</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>&lt;b&gt;{number}&lt;/b&gt; — {name}</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; — {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Komponen {component}</source>
        <translation>Component {component}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>penilai {name}</source>
        <translation>assessor {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aspek {aspect}</source>
        <translation>aspect {aspect}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Entri 1: {value} (oleh {user})</source>
        <translation>Entry 1: {value} (by {user})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Entri 2: {value} (oleh {user})</source>
        <translation>Entry 2: {value} (by {user})</translation>
    </message>
</context>
<context>
    <name>RespondentDialog</name>
    <message>
        <location filename="../../app/ui/pages/policy/respondent_dialog.py" line="+85"/>
        <source>Formulir responden FGD</source>
        <translation>FGD respondent form</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bobot kelompok pemangku kepentingan; sama untuk setiap anggota kelompok.</source>
        <translation>The stakeholder group’s weight; the same for every member of the group.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Responden:</source>
        <translation>&amp;Respondent:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kelompok:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bobot kelompok:</source>
        <translation>Group &amp;weight:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Antarkomponen</source>
        <translation>Between the components</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Antaraspek %1</source>
        <translation>Between the aspects of %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◄ jauh lebih penting</source>
        <translation>◄ much more important</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jauh lebih penting ►</source>
        <translation>much more important ►</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Simpan jawaban</source>
        <translation>Save answers</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>sama penting</source>
        <translation>equally important</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>◄ %1× lebih penting</source>
        <translation>◄ %1× more important</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1× lebih penting ►</source>
        <translation>%1× more important ►</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Bobot: %1. CR %2: konsisten.</source>
        <translation>Weights: %1. CR %2: consistent.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> Tanyakan lagi: %1 dibanding %2.</source>
        <translation> Ask again: %1 against %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bobot: %1. CR %2 di atas 0,10: tidak konsisten.</source>
        <translation>Weights: %1. CR %2 above 0.10: inconsistent.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Jawaban responden ini belum disimpan.</source>
        <translation>This respondent’s answers are not saved yet.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../app/ui/pages/review.py" line="+166"/>
        <source>Selisih entri ganda</source>
        <translation>Double-entry mismatches</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+27"/>
        <source>Putuskan…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Pilih entri yang benar menurut lembar asli, atau tulis nilai lain, dengan alasan.</source>
        <translation>Choose the entry that matches the paper sheet, or type another value, with a reason.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Selisih antar-penilai</source>
        <translation>Assessor spread</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Peserta yang nilai para penilainya berjarak lebih dari batas komponen (bawaan 20 poin). Nilai tetap dihitung; periksa bersama para penilai.</source>
        <translation>Participants whose assessors are further apart than the component allows (20 points by default). The scores still count; review them with the assessors.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Memuat verifikasi</source>
        <translation>Loading verification</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <location line="-100"/>
        <location line="+28"/>
        <location line="+27"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Selisih antar-laptop</source>
        <translation>Differences between laptops</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pilih nilai laptop yang benar menurut lembar asli, dengan alasan.</source>
        <translation>Choose the laptop whose value matches the paper sheet, with a reason.</translation>
    </message>
    <message>
        <location line="+129"/>
        <location line="+28"/>
        <location line="+27"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+29"/>
        <location line="+26"/>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+55"/>
        <source>Penilai</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Aspek</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entri 1</source>
        <translation>Entry 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Entri 2</source>
        <translation>Entry 2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Formasi</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selisih</source>
        <translation>Spread</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batas</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai per penilai</source>
        <translation>Score per assessor</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nilai sekarang</source>
        <translation>Value now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai per laptop</source>
        <translation>Value per laptop</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{source}: {value} ({user})</source>
        <translation>{source}: {value} ({user})</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tidak ada selisih entri ganda.</source>
        <translation>No double-entry mismatches.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak ada selisih antara paket laptop lapangan.</source>
        <translation>No differences between field laptops&apos; packages.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak ada peserta dengan selisih antar-penilai.</source>
        <translation>No participant with an assessor spread.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin memutuskan setiap selisih dari lembar nilai asli, dengan alasan.</source>
        <translation>An admin decides each mismatch from the paper sheet, with a reason.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nilai kedua entri disembunyikan agar entri tetap independen; admin yang memutuskan.</source>
        <translation>Both entries&apos; values are hidden so typing stays independent; an admin decides.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selama berselisih, nilai laptop utama tetap berlaku; selisih antar-laptop tidak dihitung. Admin memilih salah satu nilai, dengan alasan.</source>
        <translation>While they differ, the main laptop&apos;s own value stands; values that differ between laptops do not count. An admin chooses one of them, with a reason.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nilai tiap laptop disembunyikan; admin yang memutuskan.</source>
        <translation>Each laptop&apos;s values are hidden; an admin decides.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{pending} nilai menunggu verifikasi entri ganda · {mismatches} selisih entri ganda · {flags} peserta dengan selisih antar-penilai</source>
        <translation>{pending} values awaiting double-entry verification · {mismatches} double-entry mismatches · {flags} participants with an assessor spread</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · {count} selisih antar-laptop</source>
        <translation> · {count} differences between laptops</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Diputuskan: {where} = {value}. Nilai ini kini masuk peringkat.</source>
        <translation>Decided: {where} = {value}. The value now counts in the ranking.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Diputuskan: {where} = nilai {source}.</source>
        <translation>Decided: {where} = {source}&apos;s value.</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Data verifikasi tidak dapat dimuat: {reason}</source>
        <translation>Verification data cannot be loaded: {reason}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(nilai utuh)</source>
        <translation>(whole value)</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../app/ui/user_dialogs.py" line="-46"/>
        <source>Ubah peran</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mis. membantu input nilai lembar kertas</source>
        <translation>e.g. helps typing paper score sheets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran sekarang:</source>
        <translation>Current role:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran &amp;baru:</source>
        <translation>&amp;New role:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alasan:</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+50"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penilai</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tim Monev</source>
        <translation>M&amp;E team</translation>
    </message>
    <message>
        <location filename="../../app/ui/user_model.py" line="+38"/>
        <source>Semua pekerjaan, termasuk skema, finalisasi, pengumuman, pemulihan cadangan dan pengelolaan pengguna.</source>
        <translation>Everything, including the scheme, finalization, announcements, restoring backups and managing users.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Formasi, peserta, impor, input nilai lembar kertas dan cadangan.</source>
        <translation>Formations, participants, imports, typing paper score sheets and backups.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input nilai atas nama lengkapnya sendiri, dan melihat peringkat.</source>
        <translation>Enters scores under their own full name, and sees the rankings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Membaca peringkat, jejak audit dan angka monitoring dan evaluasi, serta menulis rekomendasinya; tidak mengubah nilai, peserta atau hasil.</source>
        <translation>Reads the rankings, the audit trail and the monitoring and evaluation figures, and writes its recommendations; never changes a score, a participant or a result.</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <location filename="../../app/ui/scheme_editor/editor.py" line="+132"/>
        <source>Ekspor TOML…</source>
        <translation>Export TOML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan skema</source>
        <translation>Save scheme</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Hapus tahap</source>
        <translation>Delete stage</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Urutan peringkat</source>
        <translation>Ranking order</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>Kunci yang dicentang menentukan peringkat, dari atas ke bawah; peserta yang sama pada semua kunci mendapat peringkat yang sama.</source>
        <translation>The checked keys decide the rank, from top to bottom; participants equal on every key share a rank.</translation>
    </message>
    <message>
        <location line="+274"/>
        <source>Kode status</source>
        <translation>Status codes</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Perubahan belum disimpan.</source>
        <translation>Changes not saved yet.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Tahap baru</source>
        <translation>New stage</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+24"/>
        <source>Komponen baru</source>
        <translation>New component</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Hapus tahap {code} beserta komponennya dari skema? Perubahan baru tersimpan setelah Simpan skema.</source>
        <translation>Delete stage {code} and its components from the scheme? The change is stored only after Save scheme.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Komponen {code} dihapus dari skema; simpan untuk menetapkan.</source>
        <translation>Component {code} removed from the scheme; save to make it final.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aspek baru</source>
        <translation>New aspect</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Belum ada seleksi.</source>
        <translation>No selection yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skema &lt;b&gt;{name}&lt;/b&gt; ({code}), jenis {kind}</source>
        <translation>Scheme &lt;b&gt;{name}&lt;/b&gt; ({code}), kind {kind}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Skema terkunci karena nilai sudah dimasukkan.</source>
        <translation>The scheme is locked because scores have been entered.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hanya admin yang dapat mengubah skema penilaian.</source>
        <translation>Only an admin can change the scoring scheme.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Skema disimpan.</source>
        <translation>Scheme saved.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ekspor skema penilaian</source>
        <translation>Export the scoring scheme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas skema TOML (*.toml)</source>
        <translation>TOML scheme file (*.toml)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Berkas {path} tidak dapat ditulis: {reason}</source>
        <translation>{path} cannot be written: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skema diekspor ke {path}.</source>
        <translation>Scheme exported to {path}.</translation>
    </message>
</context>
<context>
    <name>SchemeTab</name>
    <message>
        <location filename="../../app/ui/pages/policy/scheme_tab.py" line="+53"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Komponen / aspek</source>
        <translation>Component / aspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bobot sekarang (%)</source>
        <translation>Weight today (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bobot rancangan (%)</source>
        <translation>Draft weight (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ambang sekarang</source>
        <translation>Threshold today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ambang rancangan</source>
        <translation>Draft threshold</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Urutan penentu peringkat bila nilai sama, dipisahkan koma (mis. NILAI_AKHIR, PRAKTIK, PENGETAHUAN, USIA)</source>
        <translation>The tie-break order when scores are equal, separated by commas (e.g. NILAI_AKHIR, PRAKTIK, PENGETAHUAN, USIA)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan rancangan</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Urutan penentu peringkat:</source>
        <translation>Tie-break order:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pilih atau buat rancangan kebijakan.</source>
        <translation>Choose or create a policy draft.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dijadikan skema: %1 (SHA-256 %2).</source>
        <translation>Adopted as a scheme: %1 (SHA-256 %2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tahap %1: ketik bobot dan ambang rancangan, lalu simpan.</source>
        <translation>Stage %1: type the draft’s weights and thresholds, then save.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>tanpa ambang</source>
        <translation>no threshold</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Rancangan memenuhi setiap aturan skema: dapat dijadikan skema.</source>
        <translation>The draft meets every rule of a scheme: it can be adopted.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rancangan melanggar %1 aturan dan belum dapat dijadikan skema:</source>
        <translation>The draft breaks %1 rules and cannot be adopted yet:</translation>
    </message>
</context>
<context>
    <name>ScoreEntryPage</name>
    <message>
        <location filename="../../app/ui/pages/score_entry/page.py" line="+355"/>
        <source>Pilih atau ketik nama penilai</source>
        <translation>Choose or type the assessor&apos;s name</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Tahap:</source>
        <translation>&amp;Stage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Komponen:</source>
        <translation>&amp;Component:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Formasi:</source>
        <translation>&amp;Formation:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Penilai:</source>
        <translation>&amp;Assessor:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ketik nilai lalu Enter untuk menyimpan; Tab ke aspek berikutnya; T untuk tidak hadir (TH); Ctrl+Z untuk membatalkan.</source>
        <translation>Type a score, then Enter to save; Tab to the next aspect; T for absent (TH); Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Batalkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="-255"/>
        <location line="+258"/>
        <source>Lembar nilai</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Cari nomor atau nama (Ctrl+F)</source>
        <translation>Find number or name (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Memuat lembar…</source>
        <translation>Loading the sheet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+44"/>
        <source>Semua formasi</source>
        <translation>All formations</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Penilai baru: belum ada nilai atas nama %1. Periksa ejaannya sebelum mengisi.</source>
        <translation>New assessor: no scores under the name %1 yet. Check the spelling before entering.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skema seleksi ini belum memiliki komponen nilai.</source>
        <translation>This selection&apos;s scheme has no score components yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Komponen ini dinilai oleh beberapa penilai. Pilih atau ketik nama penilai lembar ini, lalu tekan Enter.</source>
        <translation>Several assessors score this component. Choose or type the assessor of this sheet, then press Enter.</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Formasi ini sudah final; nilai tidak dapat diubah.</source>
        <translation>This formation is final; its scores cannot be changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Formasi %1 sudah final; nilainya tidak dapat diubah.</source>
        <translation>Formation %1 is final; its scores cannot be changed.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 / %2 diisi</source>
        <translation>%1 / %2 filled in</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Nilai &quot;%1&quot; untuk %2 tidak disimpan: %3</source>
        <translation>Score &quot;%1&quot; for %2 not saved: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 untuk %2</source>
        <translation>%1 for %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tersimpan: %1 (%2) tidak hadir (TH).</source>
        <translation>Saved: %1 (%2) absent (TH).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dihapus: nilai %3 untuk %1 (%2).</source>
        <translation>Deleted: score %3 for %1 (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tersimpan: %1 (%2), %3: %4.</source>
        <translation>Saved: %1 (%2), %3: %4.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Peserta: %1</source>
        <translation>Participant: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Komponen: %1</source>
        <translation>Component: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai: %1 → %2</source>
        <translation>Score: %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alasan tidak boleh kosong: setiap perubahan nilai dicatat.</source>
        <translation>The reason may not be empty: every change of a score is recorded.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 Ini baris terakhir lembar.</source>
        <translation>%1 This is the last row of the sheet.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Nilai &quot;%1&quot; tidak disimpan: %2

Tinggalkan tanpa menyimpan nilai ini?</source>
        <translation>The value &quot;%1&quot; was not saved: %2

Leave without saving this value?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nilai belum disimpan</source>
        <translation>Value not saved</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Dibatalkan: %1. Nilai sebelumnya dipulihkan.</source>
        <translation>Undone: %1. The previous score is back.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diulangi: %1.</source>
        <translation>Redone: %1.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Batalkan %1 (%2)</source>
        <translation>Undo %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batalkan (%1)</source>
        <translation>Undo (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ulangi %1 (%2)</source>
        <translation>Redo %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ulangi (%1)</source>
        <translation>Redo (%1)</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Alasan perubahan</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Nilai ini sudah pernah diisi. Tulis alasan perubahan:</source>
        <translation>This score was entered before. Write the reason for the change:</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Tidak disimpan: nilai %1 tetap %2 (tanpa alasan).</source>
        <translation>Not saved: %1&apos;s score stays %2 (no reason given).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1. Baris ini sudah dimuat ulang; tekan Enter untuk menyimpan.</source>
        <translation>%1. This row has been reloaded; press Enter to save.</translation>
    </message>
    <message>
        <location line="-437"/>
        <source>Entri ganda: nilai Anda tidak terlihat oleh operator lain. Lembar ini hanya menampilkan entri Anda; nilai masuk peringkat setelah entri kedua cocok.</source>
        <translation>Double entry: other operators cannot see your values. This sheet shows your own entry only; a value counts in the ranking once the second entry matches.</translation>
    </message>
</context>
<context>
    <name>ScoreHistoryDialog</name>
    <message>
        <location filename="../../app/ui/score_history_dialog.py" line="-106"/>
        <source>Riwayat nilai %1 untuk %2, penilai %3</source>
        <translation>Score history of %1 for %2, assessor %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Riwayat nilai %1 untuk %2</source>
        <translation>Score history of %1 for %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Riwayat nilai — %1</source>
        <translation>Score history — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Riwayat nilai</source>
        <translation>Score history</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Belum ada perubahan tercatat untuk nilai ini. Nilai yang masuk lewat impor tercatat sebagai satu kejadian impor di halaman Jejak audit.</source>
        <translation>No changes recorded for this score yet. Scores that came in by import are recorded as one import event on the Audit trail page.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dari yang terlama. Nilai yang masuk lewat impor tercatat sebagai satu kejadian impor di halaman Jejak audit.</source>
        <translation>Oldest first. Scores that came in by import are recorded as one import event on the Audit trail page.</translation>
    </message>
</context>
<context>
    <name>ScoreSheetModel</name>
    <message>
        <location filename="../../app/ui/score_sheet_model.py" line="+270"/>
        <source>Formasi ini sudah final; nilai tidak dapat diubah.</source>
        <translation>This formation is final; its scores cannot be changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Penilai ini memberi satu nilai utuh tanpa aspek. Mengisi aspek akan menggantikannya.</source>
        <translation>This assessor gave one overall score without aspects. Filling in the aspects replaces it.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nomor peserta</source>
        <translation>Participant number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formasi</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nilai</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (rentang %2–%3, bilangan bulat)</source>
        <translation>%1 (range %2–%3, whole numbers)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (rentang %2–%3, kelipatan %4)</source>
        <translation>%1 (range %2–%3, step %4)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>TH (tidak hadir)</source>
        <translation>TH (absent)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nilai utuh %1</source>
        <translation>Overall score %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lengkap</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Belum lengkap</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum diisi</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>SelectionTab</name>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="-291"/>
        <source>Data seleksi</source>
        <translation>Selection details</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mis. Pemerintah Kota Binjai</source>
        <translation>e.g. Pemerintah Kota Binjai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama seleksi</source>
        <translation>Selection name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Skema penilaian</source>
        <translation>Scoring scheme</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nama skema</source>
        <translation>Scheme name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode skema</source>
        <translation>Scheme code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis seleksi</source>
        <translation>Selection kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dasar aturan</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skema diubah pada tab Skema penilaian.</source>
        <translation>The scheme is changed on the Scoring scheme tab.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hanya admin yang dapat mengubah data seleksi.</source>
        <translation>Only an admin can change the selection details.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(tidak disebut)</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Data seleksi disimpan.</source>
        <translation>Selection details saved.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../app/ui/server_dialog.py" line="+64"/>
        <source>Sambungkan ke server</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buka seleksi yang disimpan di server PostgreSQL pada jaringan kantor. Isian di bawah diberikan oleh pengelola server. Setelah tersambung, masuk dengan akun Seleksi ASN Anda seperti biasa.</source>
        <translation>Open a selection kept on a PostgreSQL server on the office network. The server&apos;s administrator gives you what goes in the fields below. Once connected, log in with your Seleksi ASN account as usual.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mis. 192.168.1.10</source>
        <translation>e.g. 192.168.1.10</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mis. seleksi_2024</source>
        <translation>e.g. seleksi_2024</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kosongkan bila server tidak memintanya</source>
        <translation>leave empty if the server does not ask for one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Basis data:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pen&amp;gguna:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi tidak disimpan; ketik lagi setiap kali menyambung.</source>
        <translation>The password is not stored; type it again each time you connect.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Uji sambungan</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sambungkan</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Isi alamat server.</source>
        <translation>Fill in the server&apos;s address.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isi nama basis data.</source>
        <translation>Fill in the database&apos;s name.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isi nama pengguna PostgreSQL.</source>
        <translation>Fill in the PostgreSQL user name.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+31"/>
        <source>Menghubungi %1…</source>
        <translation>Contacting %1…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Tersambung ke %1. Basis data ini masih kosong; disiapkan untuk Seleksi ASN saat disambungkan.</source>
        <translation>Connected to %1. This database is still empty; it is prepared for Seleksi ASN when you connect.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tersambung ke %1. Basis data ini berisi data Seleksi ASN.</source>
        <translation>Connected to %1. This database holds Seleksi ASN data.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tersambung ke %1. Basis data ini berisi data Seleksi ASN versi lama; diperbarui saat disambungkan.</source>
        <translation>Connected to %1. This database holds an older version&apos;s Seleksi ASN data; it is upgraded when you connect.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Program ini terpasang tanpa dukungan server PostgreSQL (paket psycopg). Minta pemasang program menambahkannya.</source>
        <translation>This program was installed without PostgreSQL server support (the psycopg package). Ask whoever installed it to add it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Basis data %2 tidak ada di server %1. Periksa ejaan namanya, atau minta pengelola server membuatnya.</source>
        <translation>Database %2 does not exist on server %1. Check how its name is spelled, or ask the server&apos;s administrator to create it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server %1 menolak pengguna %3 atau kata sandinya. Periksa keduanya.</source>
        <translation>Server %1 refused user %3 or its password. Check both.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server %1 meminta kata sandi untuk pengguna %3. Isi kata sandinya.</source>
        <translation>Server %1 asks for a password for user %3. Fill in the password.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server %1 tidak menerima sambungan dari laptop ini untuk pengguna %3. Minta pengelola server mengizinkannya.</source>
        <translation>Server %1 does not accept connections from this laptop for user %3. Ask the server&apos;s administrator to allow them.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server %1 tidak menjawab. Periksa alamat server dan port, dan pastikan laptop ini tersambung ke jaringan yang sama dengan server.</source>
        <translation>Server %1 does not answer. Check the server&apos;s address and port, and make sure this laptop is on the same network as the server.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tidak dapat tersambung ke server %1.</source>
        <translation>Cannot connect to server %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keterangan teknis: %1</source>
        <translation>Technical details: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings_page.py" line="+117"/>
        <source>Berkas terjemahan tidak ditemukan (jalankan make translations); pilihan ini tetap disimpan.</source>
        <translation>The translation file was not found (run make translations); the choice is saved anyway.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bahasa langsung berganti dan dipakai lagi saat program dibuka berikutnya.</source>
        <translation>The language changes at once and is used again the next time the program opens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bahasa antarmuka</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bahasa:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instansi:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo kop surat:</source>
        <translation>Letterhead logo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna yang masuk</source>
        <translation>Logged-in user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama pengguna:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran:</source>
        <translation>Role:</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="+201"/>
        <source>Belum ada seleksi. Buat seleksi baru atau muat seleksi contoh lebih dahulu.</source>
        <translation>No selection yet. Create a new selection or load the demo selection first.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Seleksi</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formasi</source>
        <translation>Formations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skema penilaian</source>
        <translation>Scoring scheme</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Skema belum disimpan</source>
        <translation>Scheme not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perubahan skema penilaian belum disimpan. Simpan sebelum keluar?</source>
        <translation>The changes to the scoring scheme are not saved. Save them before leaving?</translation>
    </message>
</context>
<context>
    <name>SimulationTab</name>
    <message>
        <location filename="../../app/ui/pages/policy/simulation_tab.py" line="+47"/>
        <source>ambang batas</source>
        <translation>threshold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bobot</source>
        <translation>weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aspek rubrik</source>
        <translation>rubric aspects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urutan penentu</source>
        <translation>tie-break order</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Simulasikan pada seleksi ini</source>
        <translation>Simulate on this selection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tabel XLSX…</source>
        <translation>XLSX tables…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simulasi menerapkan skema rancangan pada nilai yang tersimpan; seleksi ini sendiri tidak berubah.</source>
        <translation>The simulation applies the draft scheme to the stored scores; this selection itself does not change.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hasil yang berubah, menurut aturan</source>
        <translation>Outcomes changed, by rule</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>Formasi</source>
        <translation>Formation</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Kebutuhan</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+154"/>
        <source>Berubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Nomor peserta</source>
        <translation>Participant number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Sekarang</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+21"/>
        <source>Rancangan</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Aturan</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Tau-b
Kendall</source>
        <translation>Kendall’s
tau-b</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mendapat
kursi</source>
        <translation>Gain
a seat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kehilangan
kursi</source>
        <translation>Lose
a seat</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Bobot
sekarang</source>
        <translation>Weight
today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Efektif
sekarang (r)</source>
        <translation>Effective
today (r)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bobot
rancangan</source>
        <translation>Draft
weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Efektif
rancangan (r)</source>
        <translation>Effective in
the draft (r)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ukuran</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Peserta yang berubah</source>
        <translation>Participants whose outcome changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bobot efektif</source>
        <translation>Effective weights</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelulusan dan keadilan</source>
        <translation>Pass rate and fairness</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Menyimulasikan…</source>
        <translation>Simulating…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Simulasi</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tahap %1: %2 dari %3 hasil berubah di %4 formasi; %5 mendapat kursi, %6 kehilangan kursi. Tau-b Kendall rata-rata %7, terendah %8.</source>
        <translation>Stage %1: %2 of %3 outcomes change in %4 formations; %5 gain a seat, %6 lose one. Kendall’s tau-b on average %7, lowest %8.</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Dalam kuota / kebutuhan</source>
        <translation>Within quota / vacancies</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tingkat kelulusan</source>
        <translation>Pass rate</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rasio dampak: %1</source>
        <translation>Impact ratio: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>jenis kelamin</source>
        <translation>sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kelompok usia</source>
        <translation>age band</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jenjang pendidikan</source>
        <translation>education level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>asal daerah</source>
        <translation>local or not</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source>Ekspor simulasi</source>
        <translation>Export the simulation</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tabel simulasi ditulis: %1</source>
        <translation>Simulation tables written: %1</translation>
    </message>
</context>
<context>
    <name>StagePanel</name>
    <message>
        <location filename="../../app/ui/scheme_editor/stages.py" line="+45"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tambah tahap</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus tahap</source>
        <translation>Delete stage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Jumlah nilai</source>
        <translation>Sum of scores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berbobot (skala 0–100)</source>
        <translation>Weighted (0–100)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> × kebutuhan</source>
        <translation> × vacancies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berapa kali kebutuhan yang lolos ke tahap berikutnya (SKD: 3 × kebutuhan).</source>
        <translation>How many times the vacancies go on to the next stage (SKD: 3 × vacancies).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mis. 40</source>
        <translation>e.g. 40</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batas lolos</source>
        <translation>Cut for the next stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrasi</source>
        <translation>Integration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bobot integrasi (%)</source>
        <translation>Integration weight (%)</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{count} masalah pada tahap ini.</source>
        <translation>{count} problems in this stage.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>TieDialog</name>
    <message>
        <location filename="../../app/ui/tie_dialog.py" line="+30"/>
        <source>Putuskan SERI — formasi %1</source>
        <translation>Decide SERI — formation %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peserta berikut sama persis pada setiap unsur penentu peringkat di batas kebutuhan. Pilih %1 peserta yang mengisi kursi sesuai keputusan rapat panitia.</source>
        <translation>These participants are equal on every ranking key at the vacancy boundary. Choose the %1 participant(s) who take the seats, as the committee meeting decided.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>mis. hasil undian dalam rapat pleno</source>
        <translation>e.g. drawing of lots in the plenary meeting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mis. BA No. 7/PANSELDA/2024 tanggal 5 Desember 2024</source>
        <translation>e.g. BA No. 7/PANSELDA/2024 of 5 December 2024</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alasan:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rujukan berita acara:</source>
        <translation>&amp;Minutes reference:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Dipilih %1 dari %2 kursi.</source>
        <translation>%1 of %2 seat(s) chosen.</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../app/ui/user_model.py" line="+27"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terkunci s.d. %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>akun Anda</source>
        <translation>your account</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wajib ganti kata sandi saat masuk</source>
        <translation>must change the password at login</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../app/ui/pages/users.py" line="+64"/>
        <source>Setiap orang yang bekerja dengan berkas ini masuk dengan akunnya sendiri: jejak audit mencatat nama akun pada setiap perubahan. Entri ganda memerlukan dua akun, karena dua orang mengetik lembar yang sama secara terpisah dan program membandingkan hasilnya.</source>
        <translation>Everyone who works with this file logs in with their own account: the audit trail records the account&apos;s name on every change. Double entry needs two accounts, because two people type the same sheets separately and the program compares them.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tambah pengguna…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah peran…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atur ulang kata sandi…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>Nonaktifkan…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+141"/>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+41"/>
        <location line="+5"/>
        <source>Aktifkan kembali</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Pengguna %1 ditambahkan.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Peran %1 diubah menjadi %2.</source>
        <translation>The role of %1 is now %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kata sandi %1 diatur ulang; ia diminta menggantinya saat masuk.</source>
        <translation>The password of %1 was reset; they are asked to change it at login.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Akun %1 dinonaktifkan.</source>
        <translation>Account %1 deactivated.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aktifkan kembali akun %1? Akun itu dapat masuk lagi.</source>
        <translation>Reactivate the account %1? It can log in again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Akun %1 aktif kembali.</source>
        <translation>Account %1 is active again.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Akun %1 dibuka; ia dapat masuk lagi sekarang.</source>
        <translation>Account %1 unlocked; it can log in again now.</translation>
    </message>
</context>
<context>
    <name>ValidityTab</name>
    <message>
        <location filename="../../app/ui/pages/monev/validity_tab.py" line="+78"/>
        <source>Nilai akhir</source>
        <translation>Final score</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+44"/>
        <source>rho Spearman</source>
        <translation>Spearman&apos;s rho</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+72"/>
        <source>IK 95%</source>
        <translation>95% CI</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Jenis tes (rujukan)</source>
        <translation>Kind of test (reference)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validitas rujukan</source>
        <translation>Reference validity</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hanya peserta yang diterima yang punya data kinerja, jadi nilai mereka berdekatan (rentang terbatas). Karena itu korelasi di sini biasanya lebih kecil daripada daya ramal tes yang sebenarnya pada seluruh pelamar; angka rujukan (Sackett, Zhang, Berry &amp; Lievens 2022) sudah dikoreksi untuk hal itu. Baca arah dan besarnya dengan hati-hati, terutama bila n kecil dan rentang IK lebar.</source>
        <translation>Only the participants appointed have performance data, so their scores lie close together (restricted range). The correlations here therefore usually run lower than the test&apos;s true power to predict among all applicants; the reference figures (Sackett, Zhang, Berry &amp; Lievens 2022) are corrected for that. Read their direction and size with care, above all when n is small and the interval wide.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Validitas prediktif membandingkan nilai seleksi dengan kinerja (SKP) peserta yang diterima, setahun atau lebih kemudian. Berkasnya (CSV atau XLSX) berisi satu baris per peserta dan tahun: &lt;b&gt;nomor_peserta&lt;/b&gt; (atau &lt;b&gt;nik&lt;/b&gt;), &lt;b&gt;tahun&lt;/b&gt;, dan &lt;b&gt;predikat&lt;/b&gt; (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) atau &lt;b&gt;nilai&lt;/b&gt;.</source>
        <translation>Predictive validity sets the selection&apos;s scores beside the performance (SKP) of the participants appointed, a year or more later. The file (CSV or XLSX) has one row per participant and year: &lt;b&gt;nomor_peserta&lt;/b&gt; (or &lt;b&gt;nik&lt;/b&gt;), &lt;b&gt;tahun&lt;/b&gt;, and &lt;b&gt;predikat&lt;/b&gt; (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) or &lt;b&gt;nilai&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Impor dengan tombol &lt;b&gt;Impor data kinerja…&lt;/b&gt; di atas.</source>
        <translation>Import it with the &lt;b&gt;Import performance…&lt;/b&gt; button above.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin panitia mengimpornya dengan tombol Impor data kinerja….</source>
        <translation>The committee&apos;s administrator imports it with the Import performance… button.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum ada data kinerja.</source>
        <translation>No performance data yet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>rho Spearman dengan kinerja (garis: IK 95%)</source>
        <translation>Spearman&apos;s rho with performance (line: 95% CI)</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../app/ui/verify_dialog.py" line="+74"/>
        <location line="+138"/>
        <source>Periksa keaslian pengumuman</source>
        <translation>Verify an announcement</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Pilih berkas PDF pengumuman yang hendak diperiksa. Untuk pengumuman yang ditandatangani secara elektronik, pilih juga sertifikat panitia (.pem) agar penanda tangannya ikut diperiksa.</source>
        <translation>Choose the announcement&apos;s PDF file to check. For an electronically signed announcement, also choose the committee certificate (.pem) so that its signer is checked too.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Berkas pengumuman (.pdf), foto halaman (.png, .jpg), atau ID dokumen</source>
        <translation>Announcement file (.pdf), photo of a page (.png, .jpg), or document id</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Opsional: sertifikat panitia (.pem)</source>
        <translation>Optional: committee certificate (.pem)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Berkas PDF:</source>
        <translation>PDF &amp;file:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sertifikat:</source>
        <translation>&amp;Certificate:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Temuan:</source>
        <translation>Findings:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Periksa</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pilih berkas pengumuman</source>
        <translation>Choose the announcement file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pengumuman (*.pdf *.png *.jpg *.jpeg);;Dokumen PDF (*.pdf);;Foto atau pindaian halaman (*.png *.jpg *.jpeg)</source>
        <translation>Announcements (*.pdf *.png *.jpg *.jpeg);;PDF documents (*.pdf);;Photo or scan of a page (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pilih sertifikat panitia</source>
        <translation>Choose the committee certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pilih dulu berkas PDF atau foto halaman, atau ketik ID dokumennya.</source>
        <translation>Choose a PDF file or a photo of a page first, or type the document id.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dokumen {id} sesuai dengan {title} yang dicetak dan didaftarkan panitia.</source>
        <translation>Document {id} matches the {title} printed and registered by the committee.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dokumen {id} (Nomor {number}) sesuai dengan pengumuman yang diterbitkan panitia.</source>
        <translation>Document {id} (No. {number}) matches the announcement issued by the committee.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pengumuman Nomor {number} ({id}) telah diganti oleh Pengumuman Nomor {later}; yang berlaku adalah pengganti itu.</source>
        <translation>Announcement {number} ({id}) was replaced by announcement {later}; the replacement is the one in force.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Berkas ini tidak sesuai dengan dokumen {id} yang tercatat; lihat temuan di bawah.</source>
        <translation>This file does not match the recorded document {id}; see the findings below.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berkas ini tidak dikenali sebagai pengumuman Seleksi ASN.</source>
        <translation>This file is not recognized as a Seleksi ASN announcement.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Berkas tidak dapat diperiksa: {reason}</source>
        <translation>The file cannot be checked: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TIDAK BERLAKU</source>
        <translation>NOT IN FORCE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAH</source>
        <translation>VALID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TIDAK SAH</source>
        <translation>NOT VALID</translation>
    </message>
</context>
<context>
    <name>YearComparison</name>
    <message>
        <location filename="../../app/ui/widgets/year_comparison.py" line="+65"/>
        <source>Seleksi pada berkas ini dan pada berkas lain (misalnya basis data tahun lalu) berdampingan. Berkas lain dibuka hanya-baca: programnya membaca salinan dan tidak pernah menulis berkas aslinya.</source>
        <translation>The selections of this file and of other files (last year’s database, for example) side by side. Other files are opened read-only: the program reads a copy and never writes the original.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tambah berkas pembanding…</source>
        <translation>Add a file to compare…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus daftar pembanding</source>
        <translation>Clear the compared files</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Perbandingan antartahun</source>
        <translation>Year-to-year comparison</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Menghitung perbandingan…</source>
        <translation>Computing the comparison…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tambah berkas pembanding</source>
        <translation>Add a file to compare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data Seleksi ASN ({patterns})</source>
        <translation>Seleksi ASN databases ({patterns})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Berkas itu adalah berkas yang sedang dibuka; seleksinya sudah ada.</source>
        <translation>That is the file already open; its selections are already here.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Berkas pembanding: {files}</source>
        <translation>Compared files: {files}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Belum ada berkas pembanding: hanya seleksi pada berkas ini.</source>
        <translation>No file to compare yet: only this file’s selections.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Baru satu seleksi: tambahkan berkas seleksi tahun lain untuk membandingkan.</source>
        <translation>Only one selection so far: add another year’s file to compare.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{stage}: terdaftar</source>
        <translation>{stage}: registered</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{stage}: hadir</source>
        <translation>{stage}: present</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{stage}: dalam kuota / kebutuhan</source>
        <translation>{stage}: within quota / vacancies</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{stage}: tingkat kelulusan (dari yang hadir)</source>
        <translation>{stage}: pass rate (of those present)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{stage}: formasi kosong</source>
        <translation>{stage}: formations left empty</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{stage}: tertahan ambang {name}</source>
        <translation>{stage}: stopped by the {name} threshold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{stage}: ICC(2,1) penilai {name}</source>
        <translation>{stage}: assessors’ ICC(2,1) {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{stage}: rasio dampak {name}</source>
        <translation>{stage}: impact ratio, {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{stage}: validitas {name} (rho, n)</source>
        <translation>{stage}: validity of {name} (rho, n)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>jenis kelamin</source>
        <translation>sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kelompok usia</source>
        <translation>age band</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jenjang pendidikan</source>
        <translation>education level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>asal daerah</source>
        <translation>local or not</translation>
    </message>
</context>
<context>
    <name>_Decision</name>
    <message>
        <location filename="../../app/ui/resolve_dialog.py" line="-66"/>
        <source>Misalnya: lembar asli diperiksa bersama ketua panitia</source>
        <translation>For example: the original sheet checked with the committee chair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alasan (wajib):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Putuskan</source>
        <translation>Decide</translation>
    </message>
</context>
</TS>
