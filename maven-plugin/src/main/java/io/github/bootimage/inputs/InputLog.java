package io.github.bootimage.inputs;

/** Where the inputs layer reports what it fetches (the Maven layer passes the Mojo's log). */
public interface InputLog {

    void info(String message);

    void warn(String message);

    /** A log that drops everything. */
    static InputLog silent() {
        return new InputLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }
}
