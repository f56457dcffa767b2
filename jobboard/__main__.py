from jobboard.cli.launch import run

run()
