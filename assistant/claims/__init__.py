"""Claim checking: a sentence someone wants to publish in, a verdict with evidence and safer wording out.

A compound claim is split into parts (`compound`); each part is parsed into its shape (level, change, share,
rank; `parse`, `amounts`, `directions`, `periods`) and subject, judged against the performance tables of every
edition covering it (`tables`, `rates`, `between`) and against the figures the documents' prose states
(`prose`, `sentences`), and the evidence becomes one verdict under the tolerance rules (`tolerance`,
`verdict`): supported, contradicted, mixed or not found, worded by `wording`. Reuses the answer stage's
citations and guard.
"""
