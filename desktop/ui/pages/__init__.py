"""The questionnaire's pages: enterprise, one per pack section, review, results."""
