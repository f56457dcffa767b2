from jobboard.cli.main import run

run()
