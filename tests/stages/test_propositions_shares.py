"""A percentage in a claim's content fills the proposition's quantity slot with its share, so that
"54%" and "about half" compare as 0.54 and 0.5 (the Quantity itself keeps 54, unit "%")."""


def test_percentage_quantity_slot_holds_the_share(run_article):
    text = "The ruling party won 54% of the vote, officials said."
    st = run_article(text, published="2024-03-06", article_id="s0")
    q = next(q for q in st.ann.quantities if q.text == "54%")
    assert (q.value, q.unit) == (54, "%")
    slot = st.ann.claims[0].proposition.quantity
    assert text[slot.start:slot.end] == slot.text == "54%"
    assert (slot.value, slot.head) == ("0.54", "fraction")
