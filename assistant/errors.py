"""One small error hierarchy. Messages say how to fix the problem; the CLI and UI decide how to show them."""


class AssistantError(Exception):
    """Base of every error the engine raises on purpose."""

    exit_code = 1


class QuestionError(AssistantError):
    """The question itself cannot be used (empty, too long)."""

    exit_code = 2


class CorpusError(AssistantError):
    """A corpus file or the corpus folder cannot be read."""

    exit_code = 3


class IndexMissingError(AssistantError):
    """No built index where one was expected."""

    exit_code = 4


class IndexCorruptError(AssistantError):
    """An index exists but its files are damaged or do not match each other."""

    exit_code = 5


class IndexBusyError(AssistantError):
    """Another build holds the index's build lock and did not finish in time."""

    exit_code = 1
