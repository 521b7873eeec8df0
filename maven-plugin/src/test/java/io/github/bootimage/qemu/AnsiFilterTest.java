package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsiFilterTest {
    @Test
    void removesEscapeSequencesCarriageReturnsAndControls() {
        StringBuilder out = new StringBuilder();
        AnsiFilter f = new AnsiFilter();
        f.filter("\u001b[2J\u001b[01;01HBdsDxe: loading\r\n\u001b[0m\u001b[?25l\u001b(Bok\u0007\u0008\n", out);
        assertThat(out).hasToString("BdsDxe: loading\nok\n");
    }

    @Test
    void sequenceSplitAcrossReadsIsStillRemoved() {
        StringBuilder out = new StringBuilder();
        AnsiFilter f = new AnsiFilter();
        f.filter("a\u001b[", out);
        f.filter("1;3", out);
        f.filter("1mb", out);
        assertThat(out).hasToString("ab");
    }
}
