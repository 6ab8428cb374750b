"""The only figures an answer states that no cited cell prints: worked out from two cited cells by the table path,
named here (a leaf module) so the citation guard can tell them apart without importing the table path."""

SHARE = "share of parent (%)"
DIFFERENCE = "difference between cited figures"
TOTAL_OF = "sum of cited figures"
COMPUTED_MEASURES = (SHARE, DIFFERENCE, TOTAL_OF)
