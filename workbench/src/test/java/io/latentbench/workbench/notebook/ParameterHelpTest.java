package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.notebook.ParameterHelp.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** papermill's test_translators.py::test_inspect_python, on ParameterHelp, and the Java counterpart. */
class ParameterHelpTest {

    private static Parameter p(String name, String type, String value, String help) {
        return new Parameter(name, type, value, help);
    }

    @Test
    void inspectsPythonParametersAsPapermillDoes() {
        Map<String, List<Parameter>> cases = new LinkedHashMap<>();
        String unknown = "Unknown type"; // papermill's "None", as its help prints it
        cases.put("a = 2", List.of(p("a", unknown, "2", "")));
        cases.put("a: int = 2", List.of(p("a", "int", "2", "")));
        cases.put("a = 2 # type:int", List.of(p("a", "int", "2", "")));
        cases.put("a = False # Nice variable a", List.of(p("a", unknown, "False", "Nice variable a")));
        cases.put("a: float = 2.258 # type: int Nice variable a", List.of(p("a", "float", "2.258", "Nice variable a")));
        cases.put("a = 'this is a string' # type: int Nice variable a",
                List.of(p("a", "int", "'this is a string'", "Nice variable a")));
        cases.put("a: List[str] = ['this', 'is', 'a', 'string', 'list'] # Nice variable a",
                List.of(p("a", "List[str]", "['this', 'is', 'a', 'string', 'list']", "Nice variable a")));
        List<Parameter> list = List.of(p("a", "List[str]", "['this','is','a','string','list']", "Nice variable a"));
        cases.put("a: List[str] = [\n    'this', # First\n    'is',\n    'a',\n    'string',\n    'list' # Last\n] # Nice variable a", list);
        cases.put("a: List[str] = [\n    'this',\n    'is',\n    'a',\n    'string',\n    'list'\n] # Nice variable a", list);
        cases.put("""
                a: List[str] = [
                    'this', # First
                    'is',

                    'a',
                    'string',
                    'list' # Last
                ] # Nice variable a

                b: float = -2.3432 # My b variable
                """, List.of(list.get(0), p("b", "float", "-2.3432", "My b variable")));
        cases.forEach((source, expected) -> assertThat(ParameterHelp.parse(source, false)).as(source).isEqualTo(expected));
    }

    @Test
    void inspectsJavaDeclarations() {
        assertThat(ParameterHelp.parse("int n = 1; // how many\nList<String> xs = List.of(\n  \"a\", // first\n  \"b\"); // names\n", true))
                .containsExactly(p("n", "int", "1", "how many"), p("xs", "List<String>", "List.of(\"a\",\"b\")", "names"));
    }
}
