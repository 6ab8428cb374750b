"""The shells people use: the command line, the batch evaluator and the chat UI's helpers.

Each is thin: it talks only to `assistant.engine.Assistant` and the records it returns.
"""
