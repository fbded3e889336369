"""Where a clause claim goes among the statements' clusters (``link/clause_clusters.py``), on
hand-set pair scores: rows 0-3 are statements, rows 4-6 clauses."""
from __future__ import annotations

from rashomon.link.clause_clusters import place_clauses

# statements: 0 and 1 (articles a, b) in one cluster, 2 (article c) alone, 3 (article a) alone
GROUPS = [[0, 1], [2], [3]]
ARTICLES = ["a", "b", "c", "a", "a", "a", "a"]
# clauses: 4 and 5 cut from statement 3 (article a), 6 cut from statement 0 (article a)
PARENT = {4: 3, 5: 3, 6: 0}
CUT = 0.5


def _score(table):
    def score(i, j):
        return table.get((i, j), table.get((j, i), 0.0))
    return score


def test_a_clause_another_article_states_joins_that_cluster():
    placed = place_clauses(GROUPS, PARENT, ARTICLES, _score({(4, 2): 0.8}), [(4, 2)], CUT)
    assert placed[4] == 1


def test_a_clause_nobody_else_states_joins_its_statement_not_a_cluster_of_one():
    placed = place_clauses(GROUPS, PARENT, ARTICLES, _score({(5, 2): 0.3}), [(5, 2)], CUT)
    assert placed[5] == 2 and placed[4] == 2


def test_claims_of_the_clause_own_article_do_not_count_as_others_stating_it():
    # statement 0 is of the clause's own article: only statement 1 (article b) is averaged
    placed = place_clauses(GROUPS, PARENT, ARTICLES, _score({(4, 0): 0.95, (4, 1): 0.2}), [(4, 0), (4, 1)], CUT)
    assert placed[4] == 2


def test_the_cluster_matched_best_on_average_wins():
    table = {(4, 0): 0.0, (4, 1): 0.7, (4, 2): 0.9}
    placed = place_clauses(GROUPS, PARENT, ARTICLES, _score(table), [(4, 1), (2, 4)], CUT)
    assert placed[4] == 1


def test_a_clause_whose_statement_is_in_no_cluster_is_left_out():
    placed = place_clauses([[1], [2]], {4: 3}, ARTICLES, _score({}), [], CUT)
    assert placed == {}
