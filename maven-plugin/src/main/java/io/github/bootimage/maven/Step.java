package io.github.bootimage.maven;

/**
 * A {@code <step>} of the boot-test console script: wait for {@code <expect>} (a Java regex) within
 * {@code <timeout>} seconds, then type {@code <send>}. Either may be left out.
 */
public class Step {
    private String expect;
    private String send;
    private Integer timeout;

    public String getExpect() {
        return expect;
    }

    public void setExpect(String expect) {
        this.expect = expect;
    }

    public String getSend() {
        return send;
    }

    public void setSend(String send) {
        this.send = send;
    }

    public Integer getTimeout() {
        return timeout;
    }

    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }
}
