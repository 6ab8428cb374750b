"""The periods the repo's own corpus prints (its one edition, the October 2024 summary), as test data.

The code learns these from the documents; tests that check known answers on this corpus name them here,
once, instead of importing them from the code under test.
"""

PERIOD_2023 = "12 months to October 2023"
PERIOD_2024 = "12 months to October 2024"
PERIOD_CHANGE = "12 months to October 2024 compared with the 12 months to October 2023"
