package dev.cairn.wallet.http;

/** Whether a route needs a bearer token (DESIGN.md §4: everything does except the public endpoints). */
public enum Access {
  PUBLIC,
  AUTHENTICATED
}
