package io.github.bootimage.fat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * FAT's date and time fields (fatgen103 §6.1): local time with 2-second resolution, years 1980-2107. FAT
 * has no time zone; we write UTC, as mtools and the Linux vfat driver with {@code tz=UTC} read it.
 * Instants outside the range are clamped (SOURCE_DATE_EPOCH=0 is common and means "no real date").
 */
public record DosDateTime(int date, int time) {
    private static final LocalDateTime MIN = LocalDateTime.of(1980, 1, 1, 0, 0, 0);
    private static final LocalDateTime MAX = LocalDateTime.of(2107, 12, 31, 23, 59, 58);

    public static DosDateTime of(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.isBefore(MIN)) {
            t = MIN;
        } else if (t.isAfter(MAX)) {
            t = MAX;
        }
        int date = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
        int time = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() / 2;
        return new DosDateTime(date, time);
    }

    public LocalDateTime toLocalDateTime() {
        return LocalDateTime.of(1980 + (date >>> 9), (date >>> 5) & 0xF, date & 0x1F,
                time >>> 11, (time >>> 5) & 0x3F, (time & 0x1F) * 2);
    }
}
