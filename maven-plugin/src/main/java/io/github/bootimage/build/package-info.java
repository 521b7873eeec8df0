/** Build bookkeeping: up-to-date checks for the goals. Nothing here affects the bytes of an image. */
package io.github.bootimage.build;
