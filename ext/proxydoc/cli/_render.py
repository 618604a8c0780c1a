"""Python source of the proxies: signatures, calls, properties and docstrings."""

from __future__ import annotations

import ast
import inspect
import re

from proxydoc.cli._errors import ProxydocError
from proxydoc.cli._facades import FacadeSpec
from proxydoc.cli._targets import Attribute, Method, Param, SourceSignature
from proxydoc.core.markers import copy_text, marker_block, pointer_text

_STEP = "    "
_SPHINX_CLASS = re.compile(r":class:`([^`]+)`")


def render_region(
    spec: FacadeSpec,
    members: list[Method | Attribute],
    indent: str,
    header: str,
    width: int,
    encoding: str = "utf-8",
) -> str:
    """The whole text between the markers, one proxy per member.

    Docstrings are escaped as the file's *encoding* needs; other text it
    cannot hold (the header, an annotation, a default) is refused.
    """
    width -= len(indent)
    blocks = [_encodable(header + "\n", encoding, "the header", spec)]
    for member in members:
        is_method = not isinstance(member, Attribute)
        where = f"the proxy of {member.name}{'()' if is_method else ''}"
        try:
            if isinstance(member, Attribute):
                text = render_attribute(member, spec, encoding)
            else:
                text = render_method(member, spec, width, encoding)
        except Unwritable as exc:
            raise ProxydocError(f"{where} {exc}", spec.display, spec.line) from exc
        blocks.append(_encodable(text, encoding, where, spec))
    body = "\n".join(blocks)
    return "\n" + indent_lines(body, indent) + "\n"


class Unwritable(ValueError):
    """A proxy that cannot be written; the message says why, after "the proxy
    of m()"."""


def _encodable(text: str, encoding: str, where: str, spec: FacadeSpec) -> str:
    """*text*, or a ProxydocError at the facade when *encoding* cannot hold it."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        raise ProxydocError(
            f"{where} holds {char!r} (U+{ord(char):04X}), which this file's "
            f"encoding, {encoding}, cannot hold: change the file's encoding, "
            "or write the character as an escape where it comes from",
            spec.display,
            spec.line,
        ) from exc
    # No LookupError: *encoding* decoded the file (cli._generate.read_source).
    return text


def render_method(
    method: Method, spec: FacadeSpec, width: int, encoding: str = "utf-8"
) -> str:
    """One method proxy, preceded by its ``@overload`` variants."""
    parts = [_overload(sig, method.name, width) for sig in method.overloads]
    sig = method.signature
    head = []
    if method.kind != "method":
        head.append(f"@{method.kind}\n")
    head.append(def_line(method.name, sig, width))
    doc = inject_note(method.doc or "", method_note(spec))
    lines = [docstring_literal(doc, "", encoding), "", *_call(method, spec, width)]
    parts.append("".join(head) + indent_lines("\n".join(lines), _STEP) + "\n")
    return "\n".join(parts)


def render_attribute(attr: Attribute, spec: FacadeSpec, encoding: str = "utf-8") -> str:
    """A property proxy, with a setter when the target attribute is writable
    and a deleter when it has one."""
    if attr.doc:
        doc = inject_note(attr.doc, attribute_note(spec))
    else:
        member = f"{_symbol(target_name(spec))}.{attr.name}"
        doc = pointer_text(member, spec.facade_name)
    text = (
        f"@property\ndef {attr.name}(self) -> {attr.annotation}:\n"
        f"{_STEP}{docstring_literal(doc, _STEP, encoding)}\n\n"
        f"{_STEP}return self._proxied.{attr.name}\n"
    )
    if attr.writable:
        text += (
            f"\n@{attr.name}.setter\n"
            f"def {attr.name}(self, attr: {attr.annotation}) -> None:\n"
            f"{_STEP}self._proxied.{attr.name} = attr\n"
        )
    if attr.deletable:
        text += (
            f"\n@{attr.name}.deleter\n"
            f"def {attr.name}(self) -> None:\n"
            f"{_STEP}del self._proxied.{attr.name}\n"
        )
    return text


def indent_lines(text: str, prefix: str) -> str:
    """*text* with *prefix* before each non-blank line; only ``\\n`` ends a line.

    Blank means spaces and tabs only: a line of other whitespace (a form feed)
    is blank to Python 3.12's ``inspect.cleandoc`` but holds text to 3.13's,
    which would then find no common indent; indented, both clean it alike.
    """
    if not prefix:
        return text
    return "\n".join(
        prefix + line if line.strip(" \t") else line for line in text.split("\n")
    )


def method_note(spec: FacadeSpec) -> str:
    """The ``class_bases`` note of a method proxy ("... class on / behalf of ...")."""
    return copy_text(target_name(spec), spec.facade_name, on_first_line=True)


def attribute_note(spec: FacadeSpec) -> str:
    """The ``class_bases`` note of a property proxy ("... class / on behalf of ...")."""
    return copy_text(target_name(spec), spec.facade_name, on_first_line=False)


def inject_note(doc: str, note: str) -> str:
    """*doc*, cleaned, with the ``class_bases`` container after its first paragraph."""
    lines = [line if line.strip() else "" for line in inspect.cleandoc(doc).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:  # a line cleandoc kept, of whitespace it strips
        lines.pop(0)
    container = marker_block(note, _STEP)
    blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    if not lines:
        return "\n".join(container)
    return "\n".join([*lines[:blank], "", *container, *lines[blank:]])


def docstring_literal(text: str, indent: str, encoding: str = "utf-8") -> str:
    """A triple-quoted literal of *text* laid out at *indent*, that *encoding* holds.

    The first line follows the quotes, unless cleaning the docstring (Python's
    ``inspect.cleandoc``, Sphinx's ``prepare_docstring``: the first line's
    indent dropped, the common indent of the others removed) would change the
    text; then the text starts on the line after the quotes.  The literal is raw
    when backslashes need it, and holds escapes for what a source file cannot
    hold as itself: control characters (``\\r``, NUL), line and paragraph
    separators and characters *encoding* lacks.  A lone surrogate raises
    Unwritable.
    """
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise Unwritable(
            f"has a docstring holding a lone surrogate (U+{ord(surrogate[0]):04X}),"
            " which Python 3.13 cannot compile, escaped or not"
        )
    lines = indent_lines(text, indent)
    if _loses_indent(text.split("\n")):
        value = f"\n{lines}\n{indent}"
    else:
        value = f"{lines.lstrip(' ')}\n{indent}"
    literal = _quoted(value, encoding)
    if literal[0] == '"' and "\\" not in literal and value[-1:] != '"':
        return literal  # _quoted wrote value between the quotes as it is
    if ast.literal_eval(literal) != value:
        raise ValueError("docstring does not round-trip")  # pragma: no cover
    return literal


def _loses_indent(lines: list[str]) -> bool:
    """Whether cleaning a docstring whose first line follows the quotes and whose
    later lines share an indent would change *lines*."""
    first = lines[0]
    if first.strip() and first[:1].isspace():
        return True
    later = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    return bool(later) and min(later) > 0


#: Characters written as escapes whatever the encoding: controls but tab and
#: newline (a CR would end the line, a NUL ends the parse), U+2028/U+2029.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _quoted(value: str, encoding: str) -> str:
    """*value* in triple quotes: raw when it has backslashes, escaped when it
    needs escapes.  Without either, the literal is *value* between the quotes,
    which holds no ``\"\"\"``, ends in a newline or a space, not a quote, and
    has no character the tokenizer reads as other than itself."""
    if '"""' not in value and not _needs_escapes(value, encoding):
        prefix = "r" if "\\" in value else ""
        return f'{prefix}"""{value}"""'
    escaped = "".join(_escape(char, encoding) for char in value)
    return '"""' + escaped.replace('"""', '\\"\\"\\"') + '"""'


def _needs_escapes(value: str, encoding: str) -> bool:
    if _UNSAFE.search(value):
        return True
    try:
        value.encode(encoding)
    except UnicodeEncodeError:
        return True
    return False


def _escape(char: str, encoding: str) -> str:
    """*char* as a non-raw literal writes it in a file in *encoding*.

    ``\\x``, ``\\u`` and ``\\U`` escapes, never ``\\N{...}``: a name a newer
    Python knows is a syntax error on an older one.
    """
    if char == "\\":
        return "\\\\"
    if char == "\r":
        return "\\r"
    if _UNSAFE.match(char) or (_NON_ASCII.match(char) and not _encodes(char, encoding)):
        code = ord(char)
        if code < 0x100:
            return f"\\x{code:02x}"
        return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return char


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def target_name(spec: FacadeSpec) -> str:
    """The Sphinx name of *spec*'s target: as given, else as its reference reads."""
    if spec.target_name is not None:
        return spec.target_name
    module, _, qualname = spec.target_ref.partition(":")
    return f":class:`{module}.{qualname}`"


def _symbol(sphinx_name: str) -> str:
    match = _SPHINX_CLASS.fullmatch(sphinx_name.strip())
    return match[1] if match else sphinx_name


def _overload(sig: SourceSignature, name: str, width: int) -> str:
    decorators = "".join(f"@{d}\n" for d in sig.decorators)
    return decorators + def_line(name, sig, width, body=" ...")


def def_line(name: str, sig: SourceSignature, width: int, body: str = "") -> str:
    """``def name(...) -> ret:``, one parameter a line when it is too long."""
    prefix = f"{'async ' if sig.is_async else ''}def {name}("
    suffix = ")" + (f" -> {sig.returns}" if sig.returns else "") + ":" + body
    params = _param_texts(sig.params)
    one_line = prefix + ", ".join(params) + suffix
    if len(one_line) <= width or not params:
        return one_line + "\n"
    inner = "".join(f"{_STEP}{p},\n" for p in params)
    return f"{prefix}\n{inner}{suffix}\n"


def _param_texts(params: tuple[Param, ...]) -> list[str]:
    texts: list[str] = []
    kinds = [p.kind for p in params]
    for index, param in enumerate(params):
        if (
            param.kind == "kwonly"
            and "vararg" not in kinds[:index]
            and (index == 0 or params[index - 1].kind != "kwonly")
        ):
            texts.append("*")
        texts.append(_param_text(param))
        if param.kind == "posonly" and (
            index + 1 == len(params) or params[index + 1].kind != "posonly"
        ):
            texts.append("/")
    return texts


def _param_text(param: Param) -> str:
    stars = {"vararg": "*", "varkw": "**"}.get(param.kind, "")
    text = stars + param.name
    if param.annotation is not None:
        text += f": {param.annotation}"
    if param.default is not None:
        text += f" = {param.default}" if param.annotation else f"={param.default}"
    return text


def _call(method: Method, spec: FacadeSpec, width: int) -> list[str]:
    """The statement(s) forwarding to the target, wrapped when too long."""
    sig = method.signature
    params = sig.params if method.kind == "staticmethod" else sig.params[1:]
    if method.kind == "method":
        callee = f"{sig.params[0].name}._proxied.{method.name}"
    else:
        target = _target_expr(spec)
        alias = f"_{target.partition('.')[0]}"
        hint = (
            "import the target class under another name as well (e.g. 'import "
            f"... as {alias}') and call it so: name {alias} in the decorator, or "
            f"(a facade of pyproject.toml) import {alias} before any other name "
            "of the class"
        )
        callee = f"{unshadowed(target, sig.params, hint)}.{method.name}"
    keep = method.name in spec.use_intermediate_variable
    lead = ("result = " if keep else "return ") + ("await " if sig.is_async else "")
    args = call_arguments(params)
    one_line = f"{lead}{callee}({', '.join(args)})"
    if len(one_line) + len(_STEP) * 2 <= width or not args:
        lines = [one_line]
    else:
        lines = [f"{lead}{callee}(", *(f"{_STEP}{a}," for a in args), ")"]
    return [*lines, "return result"] if keep else lines


def _target_expr(spec: FacadeSpec) -> str:
    if spec.target_expr is None:
        module, _, qualname = spec.target_ref.partition(":")
        raise Unwritable(
            f"calls the target class {spec.target_ref}, which this module does not "
            f"import: add 'from {module} import {qualname.partition('.')[0]}'"
        )
    return spec.target_expr


def unshadowed(expr: str, params: tuple[Param, ...], hint: str) -> str:
    """*expr*, the name the proxy calls the target by, unless a parameter of
    the proxy has that name: inside the proxy it would mean the argument."""
    root = expr.partition(".")[0]
    if any(p.name == root for p in params):
        raise Unwritable(
            f"calls the target as {expr}, but its parameter {root!r} shadows "
            f"{root} inside the function: {hint}"
        )
    return expr


def call_arguments(params: tuple[Param, ...] | list[Param]) -> list[str]:
    """Arguments passing each parameter on, positionally where it must be."""
    has_varargs = any(p.kind == "vararg" for p in params)
    args: list[str] = []
    for param in params:
        if param.kind == "vararg":
            args.append(f"*{param.name}")
        elif param.kind == "varkw":
            args.append(f"**{param.name}")
        elif param.kind == "kwonly" or (
            param.kind == "normal" and param.default is not None and not has_varargs
        ):
            args.append(f"{param.name}={param.name}")
        else:
            args.append(param.name)
    return args
