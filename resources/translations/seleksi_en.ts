<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AdminAccountPage</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="+105"/>
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
    <name>BackgroundTask</name>
    <message>
        <location filename="../../app/ui/workers.py" line="+145"/>
        <source>Mohon tunggu…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="+575"/>
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seluruh isi berkas diperiksa lebih dulu; belum ada data yang disimpan.</source>
        <translation>The whole file is checked first; nothing has been saved yet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Salin daftar masalah</source>
        <translation>Copy the problem list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salin semua baris bermasalah ke papan klip, untuk dikirim ke pengirim berkas.</source>
        <translation>Copy every problem row to the clipboard, to send to whoever sent the file.</translation>
    </message>
    <message>
        <location line="+35"/>
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
        <location line="+13"/>
        <source>{added} baru, {updated} diperbarui</source>
        <translation>{added} new, {updated} updated</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Berkas lolos pemeriksaan: {summary}.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The file passed the check: {summary}.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data yang sudah ada akan diganti dengan isi berkas untuk {count} baris.</source>
        <translation>Existing data will be replaced by the file&apos;s contents for {count} rows.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tekan Impor untuk menyimpan.</source>
        <translation>Press Import to save.</translation>
    </message>
    <message>
        <location line="+6"/>
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
    <name>FilePage</name>
    <message>
        <location line="-504"/>
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
        <source>Berkas CSV atau XLSX dengan satu baris judul kolom. Bentuk panjang: kolom nomor_peserta, komponen, nilai dan penilai. Bentuk lebar: nomor_peserta (dan penilai), lalu satu kolom per kode komponen.</source>
        <translation>A CSV or XLSX file with one header row. Long form: columns nomor_peserta, komponen, nilai and penilai. Wide form: nomor_peserta (and penilai), then one column per component code.</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+9"/>
        <source>Membaca {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{size} · {rows} baris data · {columns} kolom</source>
        <translation>{size} · {rows} data rows · {columns} columns</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Berkas tidak dapat dibaca: {error}</source>
        <translation>The file cannot be read: {error}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="+221"/>
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
</context>
<context>
    <name>FirstSelectionPage</name>
    <message>
        <location line="-205"/>
        <source>Seleksi pertama</source>
        <translation>First selection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pilih skema penilaian, lalu buat seleksi baru atau coba seleksi contoh.</source>
        <translation>Choose a scoring scheme, then create a new selection or try the demo selection.</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <name>FormationTab</name>
    <message>
        <location filename="../../app/ui/pages/setup.py" line="+221"/>
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
        <location line="+140"/>
        <source>Hapus formasi</source>
        <translation>Delete formation</translation>
    </message>
    <message>
        <location line="-139"/>
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
        <location line="+27"/>
        <source>Formasi {code} disimpan.</source>
        <translation>Formation {code} saved.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Isi kode dan jabatan; formasi disimpan setelah keduanya terisi.</source>
        <translation>Fill in code and position; the formation is saved once both are filled.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hapus formasi {code} ({title})?</source>
        <translation>Delete formation {code} ({title})?</translation>
    </message>
    <message>
        <location line="+13"/>
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
    <name>ImportWizard</name>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="-182"/>
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
</context>
<context>
    <name>InstansiPage</name>
    <message>
        <location filename="../../app/ui/first_run.py" line="-135"/>
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
    <name>Launcher</name>
    <message>
        <location filename="../../app/ui/app.py" line="+71"/>
        <location line="+31"/>
        <source>Berkas tidak dapat dibuka</source>
        <translation>The file cannot be opened</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Pilih berkas basis data lain</source>
        <translation>Choose another database file</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Berkas sudah ada</source>
        <translation>The file already exists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berkas %1 sudah ada. Pilih nama lain, atau buka berkas itu dengan Buka.</source>
        <translation>%1 already exists. Choose another name, or open that file with Open.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="+34"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="+82"/>
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
        <location line="+6"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Basis data Seleksi ASN (*.db *.sqlite);;Semua berkas (*)</source>
        <translation>Seleksi ASN databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location line="+167"/>
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
        <source>&amp;Terakhir dibuka</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>&amp;Tentang Seleksi ASN</source>
        <translation>&amp;About Seleksi ASN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seleksi:</source>
        <translation>&amp;Selection:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+143"/>
        <source>(belum ada seleksi)</source>
        <translation>(no selection yet)</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+14"/>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kosongkan daftar</source>
        <translation>&amp;Clear list</translation>
    </message>
    <message>
        <location line="+6"/>
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
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../app/ui/import_wizard.py" line="+167"/>
        <source>Kolom dan pratinjau</source>
        <translation>Columns and preview</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+42"/>
        <source>Periksa untuk setiap kolom berkas ke kolom mana isinya masuk. Kolom bertanda * wajib ada; pilih (abaikan) untuk kolom yang tidak diimpor.</source>
        <translation>Check, for each column of the file, which field its contents go into. Fields marked * are required; choose (ignore) for columns that are not imported.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nilai dibaca menurut judul kolom berkas apa adanya, tanpa pemetaan. Periksa pratinjau di bawah, lalu lanjutkan untuk memeriksa seluruh isi.</source>
        <translation>Scores are read by the file&apos;s column headers as they are, without mapping. Check the preview below, then continue to check the whole file.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(abaikan)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pratinjau {shown} baris pertama dari {total} baris:</source>
        <translation>Preview of the first {shown} of {total} rows:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Kolom wajib belum dipetakan: {columns}.</source>
        <translation>Required fields not mapped yet: {columns}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dipilih untuk lebih dari satu kolom berkas: {columns}.</source>
        <translation>Chosen for more than one file column: {columns}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Semua kolom wajib sudah dipetakan.</source>
        <translation>Every required field is mapped.</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <location filename="../../app/ui/mark_dialog.py" line="+71"/>
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
        <location line="+9"/>
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
        <location line="+9"/>
        <source>Simpan tanda</source>
        <translation>Save mark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <location filename="../../app/ui/participant_model.py" line="+132"/>
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
        <location filename="../../app/ui/pages/participants.py" line="+182"/>
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
        <location line="+1"/>
        <source>Tandai APS/TMS/DIS…</source>
        <translation>Mark APS/TMS/DIS…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tampilkan peserta satu formasi saja</source>
        <translation>Show the participants of one formation only</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cari nama, nomor peserta atau NIK…</source>
        <translation>Search name, participant number or NIK…</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Tandai peserta terpilih: APS (mengundurkan diri), TMS (tidak memenuhi syarat) atau DIS (diskualifikasi). Klik dua kali pada baris juga membuka ini.</source>
        <translation>Mark the selected participant: APS (withdrew), TMS (does not meet the requirements) or DIS (disqualified). Double-clicking a row opens this too.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Formasi:</source>
        <translation>&amp;Formation:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+66"/>
        <source>Semua formasi</source>
        <translation>All formations</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Ctrl+F: cari; ketik sebagian nama, nomor atau NIK</source>
        <translation>Ctrl+F: search; type part of a name, number or NIK</translation>
    </message>
    <message>
        <location line="+106"/>
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
        <location line="+50"/>
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
        <location line="+16"/>
        <source>Tandai peserta</source>
        <translation>Mark participant</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tanda {kind} untuk {number} mulai tahap {stage} tersimpan.</source>
        <translation>Mark {kind} for {number} from stage {stage} saved.</translation>
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
        <location filename="../../app/ui/import_wizard.py" line="+33"/>
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
    <name>RankingTableModel</name>
    <message>
        <location filename="../../app/ui/ranking_model.py" line="+296"/>
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
        <location filename="../../app/ui/pages/rankings.py" line="+396"/>
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
        <location line="+5"/>
        <source>Keterangan kode:</source>
        <translation>Code legend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+418"/>
        <source>Menghitung…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="-416"/>
        <location line="+152"/>
        <source>Semua formasi</source>
        <translation>All formations</translation>
    </message>
    <message>
        <location line="+53"/>
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
        <location line="+21"/>
        <source>lulus (dalam kebutuhan)</source>
        <translation>passed (within vacancies)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lulus, di luar kebutuhan</source>
        <translation>passed, outside vacancies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>memenuhi syarat dan lolos ke tahap berikutnya</source>
        <translation>met the thresholds and goes on to the next stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memenuhi syarat, di luar batas lolos ke tahap berikutnya</source>
        <translation>met the thresholds, outside the cut for the next stage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tidak hadir</source>
        <translation>absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tidak memenuhi syarat</source>
        <translation>does not meet the requirements</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>di bawah nilai ambang batas</source>
        <translation>below the threshold</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mengundurkan diri</source>
        <translation>withdrew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>didiskualifikasi</source>
        <translation>disqualified</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>nilai sama persis di batas kebutuhan; diputuskan panitia</source>
        <translation>exactly equal at the vacancy boundary; the committee decides</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nilai belum lengkap</source>
        <translation>scores incomplete</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Peringkat tidak dapat dihitung: {reason}</source>
        <translation>The ranking cannot be computed: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{total} peserta: {counts}</source>
        <translation>{total} participants: {counts}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(ditampilkan {shown} dari {total})</source>
        <translation>({shown} of {total} shown)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Diperbarui pukul {time}</source>
        <translation>Updated at {time}</translation>
    </message>
    <message>
        <location line="+56"/>
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
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas {path} tidak dapat ditulis: {reason}</source>
        <translation>{path} cannot be written: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peringkat tahap {stage} ({count} peserta) disimpan ke {path}.</source>
        <translation>The ranking of stage {stage} ({count} participants) was saved to {path}.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../app/ui/scheme_editor.py" line="+309"/>
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
    <name>Roles</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="-378"/>
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
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <location filename="../../app/ui/scheme_editor.py" line="+189"/>
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
        <location line="+12"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tambah tahap</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+541"/>
        <source>Hapus tahap</source>
        <translation>Delete stage</translation>
    </message>
    <message>
        <location line="-531"/>
        <source>Jumlah nilai</source>
        <translation>Sum of scores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berbobot (skala 0–100)</source>
        <translation>Weighted (0–100 scale)</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+39"/>
        <location line="+99"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+39"/>
        <location line="+99"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrasi</source>
        <translation>Integration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bobot integrasi (%)</source>
        <translation>Integration weight (%)</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+640"/>
        <source>Komponen</source>
        <translation>Components</translation>
    </message>
    <message>
        <location line="-630"/>
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
        <location line="+2"/>
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
        <location line="+74"/>
        <source>Bobot (%)</source>
        <translation>Weight (%)</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Ambang</source>
        <translation>Threshold</translation>
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
        <translation>Affirmation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ditambah poin afirmasi peserta (PPPK).</source>
        <translation>The participant&apos;s affirmation points are added (PPPK).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nilai kategori</source>
        <translation>Category values</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untuk jenis kategori: nilai yang diizinkan, dipisah koma (MS, TMS).</source>
        <translation>For the category kind: the allowed values, separated by commas (MS, TMS).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nilai lulus</source>
        <translation>Passing values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untuk jenis kategori: nilai yang meluluskan, dipisah koma (MS).</source>
        <translation>For the category kind: the values that pass, separated by commas (MS).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tambah komponen</source>
        <translation>Add component</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus komponen</source>
        <translation>Delete component</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+662"/>
        <source>Aspek rubrik</source>
        <translation>Rubric aspects</translation>
    </message>
    <message>
        <location line="-654"/>
        <source>Deskripsi</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tambah aspek</source>
        <translation>Add aspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus aspek</source>
        <translation>Delete aspect</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Kunci yang dicentang dipakai, dari atas ke bawah.</source>
        <translation>The checked keys are used, from top to bottom.</translation>
    </message>
    <message>
        <location line="+488"/>
        <source>Urutan peringkat</source>
        <translation>Ranking order</translation>
    </message>
    <message>
        <location line="-744"/>
        <source>Kunci yang dicentang menentukan peringkat, dari atas ke bawah; peserta yang sama pada semua kunci mendapat peringkat yang sama.</source>
        <translation>The checked keys decide the rank, from top to bottom; participants equal on every key share a rank.</translation>
    </message>
    <message>
        <location line="+246"/>
        <source>Naikkan (Ctrl+Atas)</source>
        <translation>Move up (Ctrl+Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turunkan (Ctrl+Bawah)</source>
        <translation>Move down (Ctrl+Down)</translation>
    </message>
    <message>
        <location line="+498"/>
        <source>Kode status</source>
        <translation>Status codes</translation>
    </message>
    <message>
        <location line="-470"/>
        <source>Dalam kebutuhan</source>
        <translation>Within vacancies</translation>
    </message>
    <message>
        <location line="-216"/>
        <source> × kebutuhan</source>
        <translation> × vacancies</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Batas lolos</source>
        <translation>Cut for the next stage</translation>
    </message>
    <message>
        <location line="+207"/>
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
    <message>
        <location line="+21"/>
        <source>Klik dua kali untuk menuju bagian yang bermasalah.</source>
        <translation>Double-click to go to the part with the problem.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Perubahan belum disimpan.</source>
        <translation>Changes not saved yet.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&apos;{text}&apos; bukan angka.</source>
        <translation>&apos;{text}&apos; is not a number.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Tahap baru</source>
        <translation>New stage</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+35"/>
        <source>Komponen baru</source>
        <translation>New component</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Hapus tahap {code} beserta komponennya dari skema? Perubahan baru tersimpan setelah Simpan skema.</source>
        <translation>Delete stage {code} and its components from the scheme? The change is stored only after Save scheme.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Komponen {code} dihapus dari skema; simpan untuk menetapkan.</source>
        <translation>Component {code} removed from the scheme; save to make it final.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Aspek baru</source>
        <translation>New aspect</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Belum ada seleksi.</source>
        <translation>No selection yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skema &lt;b&gt;{name}&lt;/b&gt; ({code}), jenis {kind}</source>
        <translation>Scheme &lt;b&gt;{name}&lt;/b&gt; ({code}), kind {kind}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{count} masalah pada tahap ini.</source>
        <translation>{count} problems in this stage.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Komponen tahap {code}</source>
        <translation>Components of stage {code}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>nilai akhir tahap ini</source>
        <translation>this stage&apos;s final score</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+39"/>
        <source>tidak dikenal</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Aspek rubrik {code}</source>
        <translation>Rubric aspects of {code}</translation>
    </message>
    <message>
        <location line="-646"/>
        <source>Tanpa rubrik: penilai memasukkan satu nilai untuk komponen ini.</source>
        <translation>No rubric: assessors enter one score for this component.</translation>
    </message>
    <message>
        <location line="+657"/>
        <source>Masalah ({count}); skema belum dapat disimpan:</source>
        <translation>Problems ({count}); the scheme cannot be saved yet:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Masalah: tidak ada.</source>
        <translation>Problems: none.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Skema terkunci karena nilai sudah dimasukkan.</source>
        <translation>The scheme is locked because scores have been entered.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hanya admin yang dapat mengubah skema penilaian.</source>
        <translation>Only an admin can change the scoring scheme.</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Skema disimpan.</source>
        <translation>Scheme saved.</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <name>ScoreEntryPage</name>
    <message>
        <location filename="../../app/ui/pages/score_entry.py" line="+488"/>
        <source>Pilih atau ketik nama penilai</source>
        <translation>Choose or type the assessor&apos;s name</translation>
    </message>
    <message>
        <location line="-4"/>
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
        <location line="+4"/>
        <source>Ketik nilai lalu Enter untuk menyimpan; Tab ke aspek berikutnya; T untuk tidak hadir (TH); Ctrl+Z untuk membatalkan.</source>
        <translation>Type a score, then Enter to save; Tab to the next aspect; T for absent (TH); Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batalkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lembar nilai</source>
        <translation>Score sheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <source>Semua formasi</source>
        <translation>All formations</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Penilai baru: belum ada nilai atas nama %1. Periksa ejaannya sebelum mengisi.</source>
        <translation>New assessor: no scores under the name %1 yet. Check the spelling before entering.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skema seleksi ini belum memiliki komponen nilai.</source>
        <translation>This selection&apos;s scheme has no score components yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Komponen ini dinilai oleh beberapa penilai. Pilih atau ketik nama penilai lembar ini, lalu tekan Enter.</source>
        <translation>Several assessors score this component. Choose or type the assessor of this sheet, then press Enter.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1 / %2 diisi</source>
        <translation>%1 / %2 filled in</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nilai &quot;%1&quot; untuk %2 tidak disimpan: %3</source>
        <translation>Score &quot;%1&quot; for %2 not saved: %3</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+15"/>
        <source>%1 Ini baris terakhir lembar.</source>
        <translation>%1 This is the last row of the sheet.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Dibatalkan: %1. Nilai sebelumnya dipulihkan.</source>
        <translation>Undone: %1. The previous score is back.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diulangi: %1.</source>
        <translation>Redone: %1.</translation>
    </message>
    <message>
        <location line="+74"/>
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
        <source>Alasan perubahan</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>Nilai ini sudah pernah diisi. Tulis alasan perubahan:</source>
        <translation>This score was entered before. Write the reason for the change:</translation>
    </message>
    <message>
        <source>Tidak disimpan: nilai %1 tetap %2 (tanpa alasan).</source>
        <translation>Not saved: %1&apos;s score stays %2 (no reason given).</translation>
    </message>
    <message>
        <source>%1. Baris ini sudah dimuat ulang; tekan Enter untuk menyimpan.</source>
        <translation>%1. This row has been reloaded; press Enter to save.</translation>
    </message>
</context>
<context>
    <name>ScoreSheetModel</name>
    <message>
        <location filename="../../app/ui/score_sheet_model.py" line="+240"/>
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
        <location line="+3"/>
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
        <location filename="../../app/ui/pages/setup.py" line="-278"/>
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
        <location line="+37"/>
        <source>Data seleksi disimpan.</source>
        <translation>Selection details saved.</translation>
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
        <location line="+1"/>
        <source>Berkas:</source>
        <translation>File:</translation>
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
        <location filename="../../app/ui/pages/setup.py" line="+194"/>
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
</context>
<!-- double entry and assessor spread (issue 5) -->
<context>
    <name>ReviewPage</name>
    <message>
        <source>Selisih entri ganda</source>
        <translation>Double-entry mismatches</translation>
    </message>
    <message>
        <source>Putuskan…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>Pilih entri yang benar menurut lembar asli, atau tulis nilai lain, dengan alasan.</source>
        <translation>Choose the entry that matches the paper sheet, or type another value, with a reason.</translation>
    </message>
    <message>
        <source>Selisih antar-penilai</source>
        <translation>Assessor spread</translation>
    </message>
    <message>
        <source>Peserta yang nilai para penilainya berjarak lebih dari batas komponen (bawaan 20 poin). Nilai tetap dihitung; periksa bersama para penilai.</source>
        <translation>Participants whose assessors are further apart than the component allows (20 points by default). The scores still count; review them with the assessors.</translation>
    </message>
    <message>
        <source>Memuat verifikasi</source>
        <translation>Loading verification</translation>
    </message>
    <message>
        <source>Belum ada seleksi. Buat atau buka seleksi terlebih dahulu.</source>
        <translation>No selection yet. Create or open a selection first.</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Penilai</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>Aspek</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Entri 1</source>
        <translation>Entry 1</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Entri 2</source>
        <translation>Entry 2</translation>
    </message>
    <message>
        <source>Formasi</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Batas</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Nilai per penilai</source>
        <translation>Score per assessor</translation>
    </message>
    <message>
        <source>Tidak ada selisih entri ganda.</source>
        <translation>No double-entry mismatches.</translation>
    </message>
    <message>
        <source>Tidak ada peserta dengan selisih antar-penilai.</source>
        <translation>No participant with an assessor spread.</translation>
    </message>
    <message>
        <source>Admin memutuskan setiap selisih dari lembar nilai asli, dengan alasan.</source>
        <translation>An admin decides each mismatch from the paper sheet, with a reason.</translation>
    </message>
    <message>
        <source>Nilai kedua entri disembunyikan agar entri tetap independen; admin yang memutuskan.</source>
        <translation>Both entries' values are hidden so typing stays independent; an admin decides.</translation>
    </message>
    <message>
        <source>{pending} nilai menunggu verifikasi entri ganda · {mismatches} selisih entri ganda · {flags} peserta dengan selisih antar-penilai</source>
        <translation>{pending} values awaiting double-entry verification · {mismatches} double-entry mismatches · {flags} participants with an assessor spread</translation>
    </message>
    <message>
        <source>Diputuskan: {where} = {value}. Nilai ini kini masuk peringkat.</source>
        <translation>Decided: {where} = {value}. The value now counts in the ranking.</translation>
    </message>
    <message>
        <source>Data verifikasi tidak dapat dimuat: {reason}</source>
        <translation>Verification data cannot be loaded: {reason}</translation>
    </message>
    <message>
        <source>(nilai utuh)</source>
        <translation>(whole value)</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Putuskan selisih entri ganda</source>
        <translation>Decide a double-entry mismatch</translation>
    </message>
    <message>
        <source>Periksa lembar nilai asli. Nilai yang dipilih menjadi nilai terkonfirmasi; kedua entri dan alasan Anda tercatat di jejak audit.</source>
        <translation>Check the paper score sheet. The chosen value becomes the confirmed score; both entries and your reason are kept in the audit trail.</translation>
    </message>
    <message>
        <source>Nilai yang benar</source>
        <translation>The correct value</translation>
    </message>
    <message>
        <source>angka, atau TH bila tidak hadir</source>
        <translation>a number, or TH when absent</translation>
    </message>
    <message>
        <source>Misalnya: lembar asli diperiksa bersama ketua panitia</source>
        <translation>For example: paper sheet checked with the committee chair</translation>
    </message>
    <message>
        <source>Alasan (wajib):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <source>Putuskan</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nilai lain:</source>
        <translation>Another value:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{number}&lt;/b&gt; — {name}</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; — {name}</translation>
    </message>
    <message>
        <source>Komponen {component}</source>
        <translation>Component {component}</translation>
    </message>
    <message>
        <source>penilai {name}</source>
        <translation>assessor {name}</translation>
    </message>
    <message>
        <source>aspek {aspect}</source>
        <translation>aspect {aspect}</translation>
    </message>
    <message>
        <source>Entri 1: {value} (oleh {user})</source>
        <translation>Entry 1: {value} (by {user})</translation>
    </message>
    <message>
        <source>Entri 2: {value} (oleh {user})</source>
        <translation>Entry 2: {value} (by {user})</translation>
    </message>
</context>
<context>
    <name>ScoreEntryPage</name>
    <message>
        <source>Entri ganda: nilai Anda tidak terlihat oleh operator lain. Lembar ini hanya menampilkan entri Anda; nilai masuk peringkat setelah entri kedua cocok.</source>
        <translation>Double entry: other operators cannot see your values. This sheet shows your own entry only; a value counts in the ranking once the second entry matches.</translation>
    </message>
</context>
<context>
    <name>RankingsPage</name>
    <message>
        <source>{count} nilai menunggu verifikasi entri ganda</source>
        <translation>{count} values awaiting double-entry verification</translation>
    </message>
    <message>
        <source>{count} selisih antar-penilai</source>
        <translation>{count} with an assessor spread</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <source>Entri ganda</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <source>Dua operator mengetik setiap nilai tanpa melihat entri yang lain; hanya nilai yang cocok dihitung, selisih diputuskan admin.</source>
        <translation>Two operators type every value without seeing the other entry; only matching values count, an admin decides mismatches.</translation>
    </message>
    <message>
        <source>Batas selisih</source>
        <translation>Spread limit</translation>
    </message>
    <message>
        <source>Peserta yang nilai para penilainya berjarak lebih dari ini ditandai untuk diperiksa; kosong berarti tidak diperiksa.</source>
        <translation>Participants whose assessors are further apart than this are flagged for review; empty means no check.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Verifikasi</source>
        <translation>Verification</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Nilai entri ganda ditarik (tidak cocok lagi)</source>
        <translation>Double-entry value withdrawn (entries no longer match)</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Dibuat manual</source>
        <translation>Made by hand</translation>
    </message>
    <message>
        <source>Sebelum impor formasi</source>
        <translation>Before importing formations</translation>
    </message>
    <message>
        <source>Sebelum impor peserta</source>
        <translation>Before importing participants</translation>
    </message>
    <message>
        <source>Sebelum impor nilai</source>
        <translation>Before importing scores</translation>
    </message>
    <message>
        <source>Sebelum pengumuman diterbitkan</source>
        <translation>Before issuing an announcement</translation>
    </message>
    <message>
        <source>Sebelum finalisasi</source>
        <translation>Before finalization</translation>
    </message>
    <message>
        <source>Berkala, saat input nilai</source>
        <translation>Periodic, during score entry</translation>
    </message>
    <message>
        <source>Saat program ditutup</source>
        <translation>When the program closed</translation>
    </message>
    <message>
        <source>Sebelum pemulihan</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Buat cadangan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Pulihkan…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Buka folder cadangan</source>
        <translation>Open backups folder</translation>
    </message>
    <message>
        <source>Mengganti data sekarang dengan cadangan terpilih. Data sekarang disimpan dahulu sebagai cadangan.</source>
        <translation>Replaces the current data with the chosen backup. The current data is backed up first.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Belum ada cadangan. Cadangan pertama dibuat saat data diimpor, saat nilai diketik, saat program ditutup, atau dengan tombol di atas.</source>
        <translation>No backups yet. The first one is made when data is imported, when scores are typed, when the program closes, or with the button above.</translation>
    </message>
    <message>
        <source>Salinan basis data dibuat otomatis sebelum setiap impor, finalisasi dan pengumuman, setiap %1 menit selama nilai diketik, dan saat program ditutup. Disimpan %2 cadangan terakhir ditambah satu cadangan untuk setiap hari.</source>
        <translation>Copies of the database are made automatically before every import, finalization and announcement, every %1 minutes while scores are typed, and when the program closes. The last %2 backups are kept, plus one for every day.</translation>
    </message>
    <message>
        <source>Folder cadangan: %1</source>
        <translation>Backups folder: %1</translation>
    </message>
    <message>
        <source>Buat cadangan</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Data sekarang akan diganti dengan cadangan %1.

Sebelumnya data sekarang disimpan dahulu sebagai cadangan baru (alasan: sebelum pemulihan), jadi langkah ini dapat dibatalkan dengan memulihkan cadangan itu.

Sesudahnya berkas dibuka ulang dan Anda perlu masuk kembali. Lanjutkan?</source>
        <translation>The current data will be replaced by backup %1.

First the current data is saved as a new backup (reason: before a restore), so this step can be undone by restoring that backup.

Afterwards the file is opened again and you need to log in again. Continue?</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Data dipulihkan dari %1.</source>
        <translation>Data restored from %1.</translation>
    </message>
    <message>
        <source>Data sebelumnya disimpan di %1.</source>
        <translation>The previous data was kept in %1.</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>%1

Buka salinan cadangan terbaru (%2)? Cadangan itu dipulihkan ke berkas baru di folder yang sama; berkas yang rusak tidak diubah.</source>
        <translation>%1

Open the newest backup (%2)? It is restored into a new file in the same folder; the damaged file is not changed.</translation>
    </message>
    <message>
        <source>Berkas rusak</source>
        <translation>Damaged file</translation>
    </message>
    <message>
        <source>Pemulihan gagal</source>
        <translation>Recovery failed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
</context>
</TS>
