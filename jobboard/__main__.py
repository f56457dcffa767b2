from jobboard.cli import main

main()
