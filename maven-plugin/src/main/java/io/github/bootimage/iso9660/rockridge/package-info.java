/**
 * Rock Ridge: POSIX names, modes, links and times in the System Use field of ISO 9660 directory records.
 *
 * <ul>
 *   <li>IEEE P1281 System Use Sharing Protocol (SUSP) 1.12: §4.1 entry format, §5.1 CE, §5.3 SP, §5.5 ER.</li>
 *   <li>IEEE P1282 Rock Ridge Interchange Protocol (RRIP) 1.12: §4.1.1 PX, §4.1.2 PN, §4.1.3 SL,
 *       §4.1.4 NM, §4.1.6 TF. The extension is announced as "RRIP_1991A", like mkisofs and xorriso.</li>
 * </ul>
 */
package io.github.bootimage.iso9660.rockridge;
