

def test_headline_drops_a_glued_reading_time_badge() -> None:
    from quotetrace.ingest.readers.text import headline

    assert headline("\nHarbour Reopens After Storm3 min read\nBody.") == "Harbour Reopens After Storm"
    assert headline("Ten Things To Read | 5 min read\nBody.") == "Ten Things To Read"
    assert headline("A headline about reading\nBody.") == "A headline about reading"
