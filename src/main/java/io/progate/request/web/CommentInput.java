package io.progate.request.web;

/** The body of approve and reject: a comment (required to reject). */
public record CommentInput(String comment) {
}
