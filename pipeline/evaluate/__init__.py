"""Evaluation: entity recognition against hand annotation; (later) prose assertions against curated tables."""
