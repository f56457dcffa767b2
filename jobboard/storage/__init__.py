"""The board on disk: safe files, the TinyDB storage, migrations, backups and the store."""
