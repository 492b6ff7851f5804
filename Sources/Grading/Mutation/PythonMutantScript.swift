/// The script that derives Python mutants (run inside the sandbox with Debian's python3):
/// it reads a source file on stdin and writes one JSON line per mutant. It uses only the
/// standard `ast` module: each mutant changes one node of the syntax tree, written back by
/// replacing that node's own text, so the rest of the file, comments included, is untouched.
enum PythonMutantScript {
    static let source = #"""
"""Generated mutants of a Python file (lectern check): reads the source on stdin, writes one
JSON line per mutant: {"operator", "line", "scope", "before", "after", "source"}. Each mutant changes
one node of the module's syntax tree (the standard `ast` module) and is written back by
replacing that node's own text, so the rest of the file, comments included, is untouched."""

import ast
import json
import sys

COMPARE_SWAPS = {
    ast.Lt: (ast.LtE, ast.GtE), ast.LtE: (ast.Lt, ast.Gt), ast.Gt: (ast.GtE, ast.LtE), ast.GtE: (ast.Gt, ast.Lt),
    ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,), ast.Is: (ast.IsNot,), ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,), ast.NotIn: (ast.In,),
}
BINOP_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult, ast.Mod: ast.Mult}


class Finder(ast.NodeVisitor):
    """Collects (operator, node, replacement node) for every mutation point."""

    def __init__(self):
        self.points = []
        self.skip = set()
        self.scope = []

    def add(self, operator, node, replacement):
        self.points.append((operator, node, replacement, ".".join(self.scope)))

    def visit_Module(self, node):
        self.skip_docstring(node)
        self.generic_visit(node)

    def skip_docstring(self, node):
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            self.skip.add(id(body[0]))

    def visit_FunctionDef(self, node):
        self.skip_docstring(node)
        # Annotations and decorators describe the code; they are not mutated.
        self.scope.append(node.name)
        self.visit_statements(node.body)
        self.scope.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.skip_docstring(node)
        self.scope.append(node.name)
        self.visit_statements(node.body)
        self.scope.pop()

    def visit_statements(self, body):
        for statement in body:
            self.visit(statement)

    def generic_visit(self, node):
        if isinstance(node, ast.stmt) and id(node) not in self.skip:
            self.statement(node)
        super().generic_visit(node)

    def visit_AnnAssign(self, node):
        self.statement(node)
        if node.value is not None:
            self.visit(node.value)

    def visit_Assign(self, node):
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return
        self.statement(node)
        self.visit(node.value)

    def visit_JoinedStr(self, node):
        return  # text of messages

    def statement(self, node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom, ast.Pass,
                             ast.Global, ast.Nonlocal)):
            return
        if isinstance(node, ast.Return):
            if node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None):
                self.add("return", node, ast.Return(value=ast.Constant(value=None)))
            return
        if isinstance(node, (ast.If, ast.While, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.Try)):
            return
        self.add("statement", node, ast.Pass())

    def visit_Compare(self, node):
        for index, op in enumerate(node.ops):
            for swap in COMPARE_SWAPS.get(type(op), ()):
                ops = list(node.ops)
                ops[index] = swap()
                self.add("comparison", node, ast.Compare(left=node.left, ops=ops, comparators=node.comparators))
        self.generic_visit(node)

    def visit_BinOp(self, node):
        swap = BINOP_SWAPS.get(type(node.op))
        if swap:
            self.add("arithmetic", node, ast.BinOp(left=node.left, op=swap(), right=node.right))
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self.statement(node)
        swap = BINOP_SWAPS.get(type(node.op))
        if swap:
            self.add("arithmetic", node, ast.AugAssign(target=node.target, op=swap(), value=node.value))
        self.visit(node.value)

    def visit_BoolOp(self, node):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self.add("boolean", node, ast.BoolOp(op=other, values=node.values))
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, ast.Not):
            self.add("boolean", node, node.operand)
        self.generic_visit(node)

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            self.add("constant", node, ast.Constant(value=not value))
        elif isinstance(value, int):
            for other in sorted({value + 1, value - 1, 0 if value != 0 else 1}):
                if other != value:
                    self.add("constant", node, ast.Constant(value=other))
        elif isinstance(value, float):
            for other in sorted({value + 1.0, 0.0 if value != 0 else 1.0}):
                self.add("constant", node, ast.Constant(value=other))

    def visit_Call(self, node):
        positional = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
        if len(positional) == len(node.args) and len(positional) >= 2 and ast.dump(positional[0]) != ast.dump(positional[1]):
            args = list(node.args)
            args[0], args[1] = args[1], args[0]
            self.add("arguments", node, ast.Call(func=node.func, args=args, keywords=node.keywords))
        self.generic_visit(node)


def segment(lines, node):
    """The node's (start, end) byte offsets into the UTF-8 source."""
    start = sum(len(line) for line in lines[: node.lineno - 1]) + node.col_offset
    end = sum(len(line) for line in lines[: node.end_lineno - 1]) + node.end_col_offset
    return start, end


def main():
    source = sys.stdin.buffer.read()
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    finder = Finder()
    finder.visit(tree)
    original = ast.dump(tree)
    seen = set()
    for operator, node, replacement, scope in finder.points:
        start, end = segment(lines, node)
        text = ast.unparse(ast.fix_missing_locations(replacement))
        if isinstance(node, ast.expr) and not isinstance(node, ast.Constant):
            text = "(" + text + ")" if "\n" in source[start:end].decode("utf-8") else text
        mutated = source[:start] + text.encode("utf-8") + source[end:]
        try:
            changed = ast.dump(ast.parse(mutated))
        except SyntaxError:
            continue
        if changed == original or mutated in seen:
            continue
        seen.add(mutated)
        before = lines[node.lineno - 1].decode("utf-8").strip()
        after_lines = mutated.splitlines()
        after = after_lines[node.lineno - 1].decode("utf-8").strip() if node.lineno - 1 < len(after_lines) else ""
        print(json.dumps({"operator": operator, "line": node.lineno, "scope": scope, "before": before, "after": after,
                          "source": mutated.decode("utf-8")}))


main()
"""#
}
