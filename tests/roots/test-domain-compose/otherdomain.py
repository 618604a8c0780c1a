"""Another extension that extends the Python domain, as sphinx-immaterial does:
it adds to ``PythonDomain``'s data in place and registers its own subclass."""

from sphinx.domains.python import PythonDomain

#: Set when the other domain's own code runs.
CALLS = []


class OtherPythonDomain(PythonDomain):
    initial_data = {**PythonDomain.initial_data, "other": {}}

    def get_objects(self):
        CALLS.append("get_objects")
        yield from super().get_objects()


def setup(app):
    PythonDomain.initial_data["synopses"] = {}  # in place, for every subclass
    app.add_domain(OtherPythonDomain, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
