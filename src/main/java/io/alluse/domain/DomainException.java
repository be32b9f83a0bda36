package io.alluse.domain;

/** A rule of the account model was broken; the message says which and what to do instead. */
public class DomainException extends RuntimeException {

    public DomainException(String message) {
        super(message);
    }
}
