"""The calculation: answers in, every support item with its amount, cap and reasoning out. No Qt here."""

from desktop.engine.answers import (
    FORMAT,
    Answers,
    AnswersError,
    AnswersFile,
    Enterprise,
    answers_file_to_data,
    credit_code_problem,
    parse_answers_data,
    read_answers_file,
    validate_answers,
    write_answers_file,
)
from desktop.engine.evaluate import assess, assess_file
from desktop.engine.result import Assessment, ItemResult, Status, assessment_from_data, assessment_to_data

__all__ = [
    "FORMAT",
    "Answers",
    "AnswersError",
    "AnswersFile",
    "Assessment",
    "Enterprise",
    "ItemResult",
    "Status",
    "answers_file_to_data",
    "assess",
    "assess_file",
    "assessment_from_data",
    "assessment_to_data",
    "credit_code_problem",
    "parse_answers_data",
    "read_answers_file",
    "validate_answers",
    "write_answers_file",
]
