package io.github.bootimage.iso9660.encoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Field encodings of ECMA-119 §7: both-byte orders (§7.2.3, §7.3.3), padded character fields (§7.4),
 * the 7-byte directory record date (§9.1.5) and the 17-byte volume descriptor date (§8.4.26.1).
 * All dates are written in UTC (offset 0), so the bytes never depend on the builder's time zone.
 */
public final class IsoBytes {
    public static final int SECTOR = 2048;

    private IsoBytes() {
    }

    public static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** §7.3.3: a 32-bit value little-endian then big-endian. */
    public static void putBoth32(byte[] b, int off, long value) {
        check32(value, "both-endian 32-bit field", off);
        int v = (int) value;
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
        b[off + 4] = (byte) (v >>> 24);
        b[off + 5] = (byte) (v >>> 16);
        b[off + 6] = (byte) (v >>> 8);
        b[off + 7] = (byte) v;
    }

    /** §7.2.3: a 16-bit value little-endian then big-endian. */
    public static void putBoth16(byte[] b, int off, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("both-endian 16-bit field at offset " + off + " out of range: " + value);
        }
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
        b[off + 2] = (byte) (value >>> 8);
        b[off + 3] = (byte) value;
    }

    public static long getBoth32(byte[] b, int off) {
        long le = Integer.toUnsignedLong(ByteBuffer.wrap(b, off, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        long be = Integer.toUnsignedLong(ByteBuffer.wrap(b, off + 4, 4).order(ByteOrder.BIG_ENDIAN).getInt());
        if (le != be) {
            throw new IllegalArgumentException("both-endian field at offset " + off + " disagrees: " + le + " vs " + be);
        }
        return le;
    }

    public static int getBoth16(byte[] b, int off) {
        int le = Short.toUnsignedInt(ByteBuffer.wrap(b, off, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        int be = Short.toUnsignedInt(ByteBuffer.wrap(b, off + 2, 2).order(ByteOrder.BIG_ENDIAN).getShort());
        if (le != be) {
            throw new IllegalArgumentException("both-endian field at offset " + off + " disagrees: " + le + " vs " + be);
        }
        return le;
    }

    public static void put32(byte[] b, int off, long value, ByteOrder order) {
        check32(value, "32-bit field", off);
        ByteBuffer.wrap(b, off, 4).order(order).putInt((int) value);
    }

    public static long get32(byte[] b, int off, ByteOrder order) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(b, off, 4).order(order).getInt());
    }

    private static void check32(long value, String field, int off) {
        // the message is built only on failure: this runs for every field of every record
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " at offset " + off + " out of range: " + value);
        }
    }

    /** §7.4: an a- or d-character field, padded with spaces; longer text is refused, not cut. */
    public static void putPadded(byte[] b, int off, int len, String text, String field) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        if (t.length > len) {
            throw new IllegalArgumentException(field + " '" + text + "' is longer than " + len + " characters");
        }
        Arrays.fill(b, off, off + len, (byte) ' ');
        System.arraycopy(t, 0, b, off, t.length);
    }

    /** Joliet: a UCS-2 big-endian field padded with UCS-2 spaces (00 20). */
    public static void putPaddedUcs2(byte[] b, int off, int len, String text, String field) {
        byte[] t = text.getBytes(StandardCharsets.UTF_16BE);
        if (t.length > len) {
            throw new IllegalArgumentException(field + " '" + text + "' is longer than " + len / 2 + " UCS-2 characters");
        }
        for (int i = off; i < off + len - 1; i += 2) {
            b[i] = 0;
            b[i + 1] = ' ';
        }
        System.arraycopy(t, 0, b, off, t.length);
    }

    public static String getPadded(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.US_ASCII).stripTrailing();
    }

    public static String getPaddedUcs2(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_16BE).stripTrailing();
    }

    /** §9.1.5: years since 1900, month, day, hour, minute, second, offset from GMT in 15 minute units. */
    public static void putDate7(byte[] b, int off, Instant time) {
        // ofEpochSecond: ofInstant would build the offset's ZoneRules again for every date (once per record)
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        int years = t.getYear() - 1900;
        if (years < 0 || years > 255) {
            throw new IllegalArgumentException("date " + time + " cannot be recorded (years 1900-2155 only)");
        }
        b[off] = (byte) years;
        b[off + 1] = (byte) t.getMonthValue();
        b[off + 2] = (byte) t.getDayOfMonth();
        b[off + 3] = (byte) t.getHour();
        b[off + 4] = (byte) t.getMinute();
        b[off + 5] = (byte) t.getSecond();
        b[off + 6] = 0;
    }

    public static Instant getDate7(byte[] b, int off) {
        return LocalDateTime.of(1900 + (b[off] & 0xFF), b[off + 1], b[off + 2], b[off + 3], b[off + 4], b[off + 5])
                .toInstant(ZoneOffset.ofTotalSeconds(b[off + 6] * 15 * 60));
    }

    /** §8.4.26.1: "YYYYMMDDHHMMSScc" digits and an offset byte; {@code null} writes "not specified". */
    public static void putDate17(byte[] b, int off, Instant time) {
        String digits;
        if (time == null) {
            digits = "0000000000000000";
        } else {
            LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
            if (t.getYear() < 1 || t.getYear() > 9999) {
                throw new IllegalArgumentException("date " + time + " cannot be recorded (years 1-9999 only)");
            }
            digits = String.format(java.util.Locale.ROOT, "%04d%02d%02d%02d%02d%02d%02d", t.getYear(),
                    t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                    t.getNano() / 10_000_000);
        }
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, b, off, 16);
        b[off + 16] = 0;
    }

    /** The 17-byte date, or {@code null} for "not specified". */
    public static Instant getDate17(byte[] b, int off) {
        String s = new String(b, off, 16, StandardCharsets.US_ASCII);
        if (s.equals("0000000000000000")) {
            return null;
        }
        return LocalDateTime.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)),
                Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)),
                Integer.parseInt(s.substring(14, 16)) * 10_000_000)
                .toInstant(ZoneOffset.ofTotalSeconds(b[off + 16] * 15 * 60));
    }

    public static long sectors(long bytes) {
        return (bytes + SECTOR - 1) / SECTOR;
    }
}
