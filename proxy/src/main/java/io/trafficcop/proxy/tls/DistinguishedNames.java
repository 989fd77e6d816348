package io.trafficcop.proxy.tls;

import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Attribute values of an X.500 name, in the order they appear in the name (as Go's pkix.Name fields). */
public final class DistinguishedNames {

    public static final ASN1ObjectIdentifier CN = BCStyle.CN;
    public static final ASN1ObjectIdentifier C = BCStyle.C;
    public static final ASN1ObjectIdentifier ST = BCStyle.ST;
    public static final ASN1ObjectIdentifier L = BCStyle.L;
    public static final ASN1ObjectIdentifier O = BCStyle.O;
    public static final ASN1ObjectIdentifier OU = BCStyle.OU;
    public static final ASN1ObjectIdentifier SERIAL_NUMBER = BCStyle.SERIALNUMBER;
    public static final ASN1ObjectIdentifier DC = BCStyle.DC;

    private DistinguishedNames() {
    }

    /** Every value of the attribute {@code type}, in encoding order. */
    public static List<String> values(X500Principal principal, ASN1ObjectIdentifier type) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        List<String> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type)) {
                    out.add(atv.getValue() instanceof ASN1String str ? str.getString()
                            : IETFUtils.valueToString(atv.getValue()));
                }
            }
        }
        return out;
    }

    /** The last value of {@code type} (Go keeps the last CN / serialNumber it sees), or null. */
    public static String last(X500Principal principal, ASN1ObjectIdentifier type) {
        List<String> all = values(principal, type);
        return all.isEmpty() ? null : all.getLast();
    }
}
