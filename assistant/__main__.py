from assistant.shells.cli import main

main()
