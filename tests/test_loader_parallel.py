"""Big banks are parsed by several processes; the result must equal the serial parse."""


from generator import loader


def test_parallel_parse_equals_serial(good_bank, monkeypatch):
    demo = good_bank / "demo"
    text = (demo / "basics.yaml").read_text(encoding="utf-8")
    for n in range(1, 4):
        (demo / f"copy{n}.yaml").write_text(text.replace("demo-000", f"demo-{n}0"), encoding="utf-8")
    (demo / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    serial_bank, serial_diags = loader.load_bank(good_bank)
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    parallel_bank, parallel_diags = loader.load_bank(good_bank)
    assert [q.model_dump() for q in parallel_bank.questions] == [q.model_dump() for q in serial_bank.questions]
    assert [q.topic for q in parallel_bank.questions] == [q.topic for q in serial_bank.questions]
    assert parallel_diags == serial_diags and any("broken.yaml" in d.path for d in parallel_diags)
