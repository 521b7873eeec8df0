/**
 * The Maven layer: Mojos that map their parameters into the core's request records and call it. The only
 * package that imports the Maven API.
 */
package io.github.bootimage.maven;
