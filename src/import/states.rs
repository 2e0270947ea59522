//! States parties by the three-letter code UN symbols use for them
//! (ISO 3166-1 alpha-3; `EU` for the European Union), with their short
//! English names: the fallback when a title does not name its State.

/// (code, English short name).
const STATES: [(&str, &str); 205] = [
    ("AFG", "Afghanistan"), ("ALB", "Albania"), ("DZA", "Algeria"), ("AND", "Andorra"),
    ("AGO", "Angola"), ("ATG", "Antigua and Barbuda"), ("ARG", "Argentina"), ("ARM", "Armenia"),
    ("AUS", "Australia"), ("AUT", "Austria"), ("AZE", "Azerbaijan"), ("BHS", "Bahamas"),
    ("BHR", "Bahrain"), ("BGD", "Bangladesh"), ("BRB", "Barbados"), ("BLR", "Belarus"),
    ("BEL", "Belgium"), ("BLZ", "Belize"), ("BEN", "Benin"), ("BTN", "Bhutan"),
    ("BOL", "Bolivia (Plurinational State of)"), ("BIH", "Bosnia and Herzegovina"),
    ("BWA", "Botswana"), ("BRA", "Brazil"), ("BRN", "Brunei Darussalam"), ("BGR", "Bulgaria"),
    ("BFA", "Burkina Faso"), ("BDI", "Burundi"), ("CPV", "Cabo Verde"), ("KHM", "Cambodia"),
    ("CMR", "Cameroon"), ("CAN", "Canada"), ("CAF", "Central African Republic"), ("TCD", "Chad"),
    ("CHL", "Chile"), ("CHN", "China"), ("COL", "Colombia"), ("COM", "Comoros"),
    ("COG", "Congo"), ("COK", "Cook Islands"), ("CRI", "Costa Rica"), ("CIV", "Côte d’Ivoire"),
    ("HRV", "Croatia"), ("CUB", "Cuba"), ("CYP", "Cyprus"), ("CZE", "Czechia"),
    ("PRK", "Democratic People’s Republic of Korea"), ("COD", "Democratic Republic of the Congo"),
    ("DNK", "Denmark"), ("DJI", "Djibouti"), ("DMA", "Dominica"), ("DOM", "Dominican Republic"),
    ("ECU", "Ecuador"), ("EGY", "Egypt"), ("SLV", "El Salvador"), ("GNQ", "Equatorial Guinea"),
    ("ERI", "Eritrea"), ("EST", "Estonia"), ("SWZ", "Eswatini"), ("ETH", "Ethiopia"),
    ("EU", "European Union"), ("FJI", "Fiji"), ("FIN", "Finland"), ("FRA", "France"),
    ("GAB", "Gabon"), ("GMB", "Gambia"), ("GEO", "Georgia"), ("DEU", "Germany"),
    ("GHA", "Ghana"), ("GRC", "Greece"), ("GRD", "Grenada"), ("GTM", "Guatemala"),
    ("GIN", "Guinea"), ("GNB", "Guinea-Bissau"), ("GUY", "Guyana"), ("HTI", "Haiti"),
    ("VAT", "Holy See"), ("HND", "Honduras"), ("HUN", "Hungary"), ("ISL", "Iceland"),
    ("IND", "India"), ("IDN", "Indonesia"), ("IRN", "Iran (Islamic Republic of)"),
    ("IRQ", "Iraq"), ("IRL", "Ireland"), ("ISR", "Israel"), ("ITA", "Italy"),
    ("JAM", "Jamaica"), ("JPN", "Japan"), ("JOR", "Jordan"), ("KAZ", "Kazakhstan"),
    ("KEN", "Kenya"), ("KIR", "Kiribati"), ("KWT", "Kuwait"), ("KGZ", "Kyrgyzstan"),
    ("LAO", "Lao People’s Democratic Republic"), ("LVA", "Latvia"), ("LBN", "Lebanon"),
    ("LSO", "Lesotho"), ("LBR", "Liberia"), ("LBY", "Libya"), ("LIE", "Liechtenstein"),
    ("LTU", "Lithuania"), ("LUX", "Luxembourg"), ("MDG", "Madagascar"), ("MWI", "Malawi"),
    ("MYS", "Malaysia"), ("MDV", "Maldives"), ("MLI", "Mali"), ("MLT", "Malta"),
    ("MHL", "Marshall Islands"), ("MRT", "Mauritania"), ("MUS", "Mauritius"), ("MEX", "Mexico"),
    ("FSM", "Micronesia (Federated States of)"), ("MCO", "Monaco"), ("MNG", "Mongolia"),
    ("MNE", "Montenegro"), ("MAR", "Morocco"), ("MOZ", "Mozambique"), ("MMR", "Myanmar"),
    ("NAM", "Namibia"), ("NRU", "Nauru"), ("NPL", "Nepal"), ("NLD", "Netherlands"),
    ("NZL", "New Zealand"), ("NIC", "Nicaragua"), ("NER", "Niger"), ("NGA", "Nigeria"),
    ("NIU", "Niue"), ("MKD", "North Macedonia"), ("NOR", "Norway"), ("OMN", "Oman"),
    ("PAK", "Pakistan"), ("PLW", "Palau"), ("PSE", "State of Palestine"), ("PAN", "Panama"),
    ("PNG", "Papua New Guinea"), ("PRY", "Paraguay"), ("PER", "Peru"), ("PHL", "Philippines"),
    ("POL", "Poland"), ("PRT", "Portugal"), ("QAT", "Qatar"), ("KOR", "Republic of Korea"),
    ("MDA", "Republic of Moldova"), ("ROU", "Romania"), ("RUS", "Russian Federation"),
    ("RWA", "Rwanda"), ("KNA", "Saint Kitts and Nevis"), ("LCA", "Saint Lucia"),
    ("VCT", "Saint Vincent and the Grenadines"), ("WSM", "Samoa"), ("SMR", "San Marino"),
    ("STP", "Sao Tome and Principe"), ("SAU", "Saudi Arabia"), ("SEN", "Senegal"),
    ("SRB", "Serbia"), ("SYC", "Seychelles"), ("SLE", "Sierra Leone"), ("SGP", "Singapore"),
    ("SVK", "Slovakia"), ("SVN", "Slovenia"), ("SLB", "Solomon Islands"), ("SOM", "Somalia"),
    ("ZAF", "South Africa"), ("SSD", "South Sudan"), ("ESP", "Spain"), ("LKA", "Sri Lanka"),
    ("SDN", "Sudan"), ("SUR", "Suriname"), ("SWE", "Sweden"), ("CHE", "Switzerland"),
    ("SYR", "Syrian Arab Republic"), ("TJK", "Tajikistan"), ("THA", "Thailand"),
    ("TLS", "Timor-Leste"), ("TGO", "Togo"), ("TON", "Tonga"), ("TTO", "Trinidad and Tobago"),
    ("TUN", "Tunisia"), ("TUR", "Türkiye"), ("TKM", "Turkmenistan"), ("TUV", "Tuvalu"),
    ("UGA", "Uganda"), ("UKR", "Ukraine"), ("ARE", "United Arab Emirates"),
    ("GBR", "United Kingdom of Great Britain and Northern Ireland"),
    ("TZA", "United Republic of Tanzania"), ("USA", "United States of America"),
    ("URY", "Uruguay"), ("UZB", "Uzbekistan"), ("VUT", "Vanuatu"),
    ("VEN", "Venezuela (Bolivarian Republic of)"), ("VNM", "Viet Nam"), ("YEM", "Yemen"),
    ("ZMB", "Zambia"), ("ZWE", "Zimbabwe"), ("SCG", "Serbia and Montenegro"),
    ("YUG", "Yugoslavia"), ("HKG", "Hong Kong, China"), ("MAC", "Macao, China"),
    ("XKX", "Kosovo"), ("FRO", "Faroe Islands"), ("GRL", "Greenland"),
];

/// The English short name for a symbol's State code.
#[must_use]
pub fn name(code: &str) -> Option<&'static str> {
    STATES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// The State code in a concluding observations symbol: `CRPD/C/CAN/CO/2-3`
/// → `CAN`; `E/C.12/DEU/CO/6` → `DEU`.
#[must_use]
pub fn code_of_symbol(symbol: &str) -> Option<&str> {
    let parts: Vec<&str> = symbol.split('/').collect();
    let co = parts.iter().position(|p| *p == "CO")?;
    let code = *parts.get(co.checked_sub(1)?)?;
    (code.len() >= 2 && code.len() <= 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
        .then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(code_of_symbol("CRPD/C/CAN/CO/2-3"), Some("CAN"));
        assert_eq!(code_of_symbol("E/C.12/DEU/CO/6"), Some("DEU"));
        assert_eq!(code_of_symbol("CRPD/C/EU/CO/2-3"), Some("EU"));
        assert_eq!(name("KAZ"), Some("Kazakhstan"));
        assert_eq!(name("EU"), Some("European Union"));
    }
}
