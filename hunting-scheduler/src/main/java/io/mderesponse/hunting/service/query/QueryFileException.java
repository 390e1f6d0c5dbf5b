package io.mderesponse.hunting.service.query;

/** The query file cannot be used; the message names the file and, where known, the line and column. */
public class QueryFileException extends RuntimeException {

    public QueryFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
