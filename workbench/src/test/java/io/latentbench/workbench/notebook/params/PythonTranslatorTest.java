package io.latentbench.workbench.notebook.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.notebook.Nbformat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PythonTranslatorTest {

    @Test
    void writesPythonLiteralsThatPythonReadsBackAsTheSameValues() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 3L);
        params.put("x", 0.5);
        params.put("nan", Double.NaN);
        params.put("flag", false);
        params.put("nothing", null);
        params.put("s", "q\"uote\\ \n\t\u0001 é");
        params.put("xs", Arrays.asList(1L, "a", null));
        params.put("m", Map.of("k", List.of(true)));
        String source = new PythonTranslator().translate(params, "");
        assertThat(source).startsWith("# Parameters\nn = 3\nx = 0.5\nnan = float('nan')\nflag = False\nnothing = None\n");

        String check = source + """
                import math
                assert type(n) is int and n == 3
                assert x == 0.5 and math.isnan(nan) and flag is False and nothing is None
                assert s == 'q"uote\\\\ \\n\\t\\x01 \\u00e9', repr(s)
                assert xs == [1, 'a', None] and m == {'k': [True]}
                print('ok')
                """;
        Process p = new ProcessBuilder(Nbformat.PYTHON, "-c", check).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(source).isEqualTo("ok\n");
    }

    @Test
    void rejectsNamesPythonCannotAssign() {
        assertThatThrownBy(() -> new PythonTranslator().translate(Map.of("lambda", 1L), ""))
                .isInstanceOf(ParameterFormatException.class).hasMessageContaining("'lambda'");
        assertThatThrownBy(() -> new PythonTranslator().translate(Map.of("2x", 1L), ""))
                .hasMessageContaining("'2x' is not a valid Python identifier");
    }
}
