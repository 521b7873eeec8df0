package io.github.bootimage.qemu;

/**
 * Removes terminal noise from serial output so logs and regexes see plain lines: ANSI/VT100 escape sequences
 * (OVMF and GRUB draw their screens with CSI cursor moves), carriage returns and other control characters.
 * Stateful, so a sequence split across two reads is still removed.
 */
final class AnsiFilter {
    private enum State { TEXT, ESCAPE, CSI, CHARSET, OSC }

    private State state = State.TEXT;

    /** Appends the printable part of {@code in} to {@code out}. */
    void filter(CharSequence in, StringBuilder out) {
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            switch (state) {
                case TEXT:
                    text(c, out);
                    break;
                case ESCAPE:
                    state = c == '[' ? State.CSI : c == ']' ? State.OSC
                            : c == '(' || c == ')' ? State.CHARSET : State.TEXT;
                    break;
                case CSI:
                    // Parameter and intermediate bytes are 0x20-0x3F; a final byte 0x40-0x7E ends the sequence.
                    if (c >= 0x40 && c <= 0x7E) {
                        state = State.TEXT;
                    }
                    break;
                case CHARSET:
                    state = State.TEXT;
                    break;
                case OSC:
                    if (c == 0x07 || c == 0x1B) {
                        state = c == 0x1B ? State.ESCAPE : State.TEXT;
                    }
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
    }

    private void text(char c, StringBuilder out) {
        if (c == 0x1B) {
            state = State.ESCAPE;
        } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7F) {
            out.append(c);
        }
    }
}
