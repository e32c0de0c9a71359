"""Accuracy measured against gold/: precision, recall and F1 per field."""

from referat.evaluation.gold import gold_sources, load_gold
from referat.evaluation.score import Report, format_report, report_as_dict, score_document

__all__ = ["Report", "format_report", "gold_sources", "load_gold", "report_as_dict", "score_document"]
