"""Whatever text a contributor writes, the loader answers with BankError or a bank, never a crash."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import BankError
from generator.loader import load_topic

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "type", "stem", "options", "answer", "title", "prefix", "questions",
                         "difficulty", "parts", "rubric", "score", "source", "x"]), children, max_size=5),
    max_leaves=20,
)


def _load(tmp_path, raw: bytes):
    path = tmp_path / "area" / "topic.yaml"
    try:
        load_topic(path, tmp_path, raw)
    except BankError as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.path.endswith("topic.yaml") and d.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path, raw):
    _load(tmp_path, raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_text(tmp_path, text):
    _load(tmp_path, text.encode("utf-8"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(yaml_values)
def test_arbitrary_yaml_structures(tmp_path, value):
    _load(tmp_path, yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({"title": yaml_values, "prefix": yaml_values,
                              "questions": st.lists(st.dictionaries(
                                  st.sampled_from(["id", "type", "stem", "options", "answer", "explanation",
                                                   "source", "difficulty", "parts", "rubric"]),
                                  yaml_values), max_size=3)}))
def test_question_shaped_yaml(tmp_path, value):
    _load(tmp_path, yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))
