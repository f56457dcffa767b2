from jobboard.cli import run

run()
