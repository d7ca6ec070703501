/**
 * Who may use the console and the API: the users configured in {@code perseus.security.users},
 * their roles ({@code network-viewer}, {@code network-admin}), the Jakarta Security identity store
 * over them and the one HTTP authentication mechanism (form login for the console, HTTP Basic for
 * the API). Depends only on {@code config}; the pure parsing and password checking carry no
 * container annotations.
 */
package com.livermore.perseus.security;
