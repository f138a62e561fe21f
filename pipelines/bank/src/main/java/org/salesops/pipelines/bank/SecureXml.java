package org.salesops.pipelines.bank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.salesops.pipelines.common.RejectedInput;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads untrusted XML into a DOM with the JDK parser locked down: any DOCTYPE is a fatal error,
 * so neither external entities (XXE: reading local files or URLs) nor internal entity expansion
 * (billion laughs) can happen; XInclude and external DTD/schema access are off as well.
 * A bank document never needs a DTD, so refusing one costs nothing. Elements may nest at most
 * {@link #MAX_DEPTH} deep: a camt document nests about 15, and a document nested hundreds of
 * thousands deep would otherwise overflow the stack while the DOM is built.
 */
final class SecureXml {

    /** Far above any ISO 20022 document, far below what the DOM's recursion survives. */
    static final int MAX_DEPTH = 256;

    private final DocumentBuilderFactory factory;
    /**
     * One builder per thread, reused after a document that parsed: making a builder was a quarter of the time spent
     * on a camt.054 document. A builder is not thread-safe; reset() returns it to what the locked-down factory made
     * (its features are the factory's and stay), and it forgets its error handler, so that is set again.
     */
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(this::newBuilder);

    SecureXml() {
        factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support secure processing", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
    }

    Document parse(byte[] xml, Where where) throws RejectedInput {
        if (xml == null || xml.length == 0) {
            throw where.reject("empty document");
        }
        DocumentBuilder builder = builders.get();
        boolean parsed = false;
        try {
            Document document = builder.parse(new ByteArrayInputStream(xml));
            parsed = true;
            return document;
        } catch (SAXParseException e) {
            throw where.reject("not well-formed or forbidden XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw where.reject("unreadable XML: " + e.getMessage(), e);
        } finally {
            if (parsed) {
                builder.reset();
                builder.setErrorHandler(SILENT);
            } else {
                // whatever a refused or broken document left inside the parser, the next one starts from a new builder
                builders.remove();
            }
        }
    }

    /** An empty document to build into, from the same locked-down factory. */
    Document newDocument() {
        return newBuilder().newDocument();
    }

    private DocumentBuilder newBuilder() {
        DocumentBuilder builder;
        // the factory is not specified as thread-safe
        synchronized (factory) {
            try {
                builder = factory.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
        builder.setErrorHandler(SILENT);
        return builder;
    }

    /** Errors become the exception we report; the default handler would also print to stderr. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
