package io.latentbench.workbench.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFourCharactersThatEndTextOrAnAttribute() {
        assertThat(Html.escape("a<b>&\"c\"")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;");
    }

    @Test
    void escapesAnAmpersandOnceSoAnEntityStaysText() {
        assertThat(Html.escape("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Html.escape("µs/op 'q' é")).isEqualTo("µs/op 'q' é");
        assertThat(Html.escape("")).isEmpty();
    }
}
