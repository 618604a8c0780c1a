"""Each function shows one reST construct, with a :paramref: in it and out.

``lint`` reports a role exactly where the build warns about it: the tests
compare its findings with the build's ``proxydoc.paramref`` warnings.
"""


def literal(a):
    """A literal block.

    Example::

        literal(:paramref:`wrong`)

    Outside: :paramref:`a`, :paramref:`wrong_literal`.

    :param a: the one parameter.
    """


def alone(a):
    """A literal block after ``::`` on its own line.

    ::

        :paramref:`wrong`

    Outside: :paramref:`wrong_alone`.

    :param a: the one parameter.
    """


def code(a):
    """Code directives.

    .. code-block:: python

        code(":paramref:`wrong`")

    .. code:: rst

        :paramref:`wrong`

    .. sourcecode:: rst

        :paramref:`wrong`

    .. highlight:: rst

    Highlighted::

        :paramref:`wrong`

    Outside: :paramref:`wrong_code`.

    :param a: the one parameter.
    """


def doctests(a):
    """Doctest directives and blocks.

    .. doctest::

        >>> print(":paramref:`wrong`")
        :paramref:`wrong`

    .. testcode::

        print(":paramref:`wrong`")

    >>> doctests(":paramref:`wrong`")

    Outside: :paramref:`wrong_doctest`.

    :param a: the one parameter.
    """


def inline(a):
    """Inline literals: ``:paramref:`wrong```, and outside :paramref:`wrong_inline`.

    :param a: the one parameter.
    """


def comment(a):
    """A comment.

    .. a comment: :paramref:`wrong`
       and its next line :paramref:`wrong`

    Outside: :paramref:`wrong_comment`.

    :param a: the one parameter.
    """


def rendered(a):
    """Directives whose content the build renders.

    .. versionadded:: 1.0
       :paramref:`wrong_versionadded`

    .. note:: :paramref:`wrong_note`

    .. only:: html

       :paramref:`wrong_only`

    - a list, :paramref:`wrong_list`

    :param a: a field, :paramref:`wrong_field`.
    """
