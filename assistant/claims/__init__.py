"""Claim checking: a sentence someone wants to publish in, a verdict with evidence and safer wording out.

The claim is parsed into its shape (level, change, share, rank) and subject, judged against the performance
tables and against the figures the documents' prose states, and the evidence becomes one verdict:
supported, contradicted, mixed or not found. Reuses the answer stage's citations and guard.
"""
