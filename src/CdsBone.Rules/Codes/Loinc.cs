namespace CdsBone.Rules.Codes;

/// <summary>The LOINC codes of CLINICAL-RULES.md §1, by what they measure. Verification status is in that table.</summary>
public static class Loinc
{
    private static ClinicalCode Code(string code) => new(CodeSystems.Loinc, code);

    /// <summary>Testosterone [Mass/volume] in Serum or Plasma (2986-8), ng/dL.</summary>
    public static readonly ClinicalCode TotalTestosteroneMass = Code("2986-8");
    /// <summary>Testosterone [Moles/volume] in Serum or Plasma (14913-8), nmol/L.</summary>
    public static readonly ClinicalCode TotalTestosteroneMolar = Code("14913-8");
    /// <summary>Testosterone Free [Mass/volume] (2991-8), pg/mL.</summary>
    public static readonly ClinicalCode FreeTestosteroneMass = Code("2991-8");
    /// <summary>Testosterone Free [Moles/volume] (14914-6), pmol/L.</summary>
    public static readonly ClinicalCode FreeTestosteroneMolar = Code("14914-6");
    /// <summary>Testosterone Free [Mass/volume] by Calculation (103227-5), pg/mL: how CdsBone labels its own Vermeulen result.</summary>
    public static readonly ClinicalCode FreeTestosteroneCalculated = Code("103227-5");
    /// <summary>Testosterone Free [Moles/volume] by detection limit &lt;= 3.47 pmol/L (70240-7).</summary>
    public static readonly ClinicalCode FreeTestosteroneMolarSensitive = Code("70240-7");
    /// <summary>Testosterone Free [Mass/volume] by detection limit &lt;= 1.0 ng/dL (49042-5).</summary>
    public static readonly ClinicalCode FreeTestosteroneMassSensitive = Code("49042-5");
    /// <summary>Testosterone Free/Testosterone.total (49043-3), percent.</summary>
    public static readonly ClinicalCode PercentFreeTestosterone = Code("49043-3");
    /// <summary>Testosterone.bioavailable [Mass/volume] (2990-0), ng/dL.</summary>
    public static readonly ClinicalCode BioavailableTestosterone = Code("2990-0");

    /// <summary>Estradiol (E2) [Mass/volume] (2243-4), pg/mL: assay unknown unless the method says LC-MS/MS.</summary>
    public static readonly ClinicalCode EstradiolMass = Code("2243-4");
    /// <summary>Estradiol (E2) [Moles/volume] (14715-7), pmol/L: assay unknown unless the method says LC-MS/MS.</summary>
    public static readonly ClinicalCode EstradiolMolar = Code("14715-7");
    /// <summary>Estradiol (E2) [Mass/volume] by Immunoassay (83096-8), pg/mL.</summary>
    public static readonly ClinicalCode EstradiolImmunoassay = Code("83096-8");
    /// <summary>Estradiol (E2) [Moles/volume] by High sensitivity method (72873-3), pmol/L: the sensitive (LC-MS/MS class) code, also ordered for missing E2.</summary>
    public static readonly ClinicalCode EstradiolSensitive = Code("72873-3");

    /// <summary>Sex hormone binding globulin [Moles/volume] (13967-5), nmol/L.</summary>
    public static readonly ClinicalCode ShbgMolar = Code("13967-5");
    /// <summary>Sex hormone binding globulin [Mass/volume] (2942-1), ug/mL: never converted without a lab factor.</summary>
    public static readonly ClinicalCode ShbgMass = Code("2942-1");
    /// <summary>Albumin [Mass/volume] (1751-7), g/dL.</summary>
    public static readonly ClinicalCode Albumin = Code("1751-7");
    /// <summary>Albumin by Bromocresol green (61151-7), g/dL.</summary>
    public static readonly ClinicalCode AlbuminBcg = Code("61151-7");
    /// <summary>Albumin by Bromocresol purple (61152-5), g/dL.</summary>
    public static readonly ClinicalCode AlbuminBcp = Code("61152-5");
    /// <summary>Albumin [Moles/volume] (54347-0), umol/L.</summary>
    public static readonly ClinicalCode AlbuminMolar = Code("54347-0");

    /// <summary>Collagen crosslinked C-telopeptide (CTx) in Serum or Plasma (41171-0), pg/mL.</summary>
    public static readonly ClinicalCode Ctx = Code("41171-0");
    /// <summary>Procollagen type I N-terminal propeptide (P1NP) by Immunoassay (77370-5), ug/L.</summary>
    public static readonly ClinicalCode P1np = Code("77370-5");
    /// <summary>Osteocalcin (2697-1), ug/L.</summary>
    public static readonly ClinicalCode Osteocalcin = Code("2697-1");

    /// <summary>Progesterone (2839-9), ng/mL.</summary>
    public static readonly ClinicalCode Progesterone = Code("2839-9");
    /// <summary>Lutropin (LH) (10501-5), m[IU]/mL.</summary>
    public static readonly ClinicalCode Lh = Code("10501-5");
    /// <summary>Follitropin (FSH) (15067-2), m[IU]/mL.</summary>
    public static readonly ClinicalCode Fsh = Code("15067-2");
    /// <summary>LH by Immunoassay (83103-2), [IU]/L.</summary>
    public static readonly ClinicalCode LhImmunoassay = Code("83103-2");
    /// <summary>FSH by Immunoassay (83098-4), [IU]/L.</summary>
    public static readonly ClinicalCode FshImmunoassay = Code("83098-4");
    /// <summary>Choriogonadotropin, quantitative (19080-1), m[IU]/mL.</summary>
    public static readonly ClinicalCode HcgQuantitative = Code("19080-1");
    /// <summary>hCG [Presence] in Serum or Plasma (2118-8).</summary>
    public static readonly ClinicalCode HcgPresenceSerum = Code("2118-8");
    /// <summary>hCG [Presence] in Urine (2106-3).</summary>
    public static readonly ClinicalCode HcgPresenceUrine = Code("2106-3");
    /// <summary>Prostate specific Ag (2857-1), ng/mL.</summary>
    public static readonly ClinicalCode Psa = Code("2857-1");
    /// <summary>Hematocrit (20570-8), %.</summary>
    public static readonly ClinicalCode Hematocrit = Code("20570-8");

    /// <summary>DXA codes of §1e (OHDSI THEMIS list; 80948-3 also in US Core).</summary>
    public static class Dxa
    {
        /// <summary>Lumbar spine T-score (38267-1).</summary>
        public static readonly ClinicalCode LumbarSpineT = Code("38267-1");
        /// <summary>Lumbar spine Z-score (85394-5).</summary>
        public static readonly ClinicalCode LumbarSpineZ = Code("85394-5");
        /// <summary>Lumbar spine BMD (24966-4), g/cm2.</summary>
        public static readonly ClinicalCode LumbarSpineBmd = Code("24966-4");
        /// <summary>Total hip T-score (38264-8).</summary>
        public static readonly ClinicalCode HipT = Code("38264-8");
        /// <summary>Total hip Z-score (80933-5).</summary>
        public static readonly ClinicalCode HipZ = Code("80933-5");
        /// <summary>Total hip BMD (38261-4), g/cm2.</summary>
        public static readonly ClinicalCode HipBmd = Code("38261-4");
        /// <summary>Left hip T-score (80946-7).</summary>
        public static readonly ClinicalCode HipLeftT = Code("80946-7");
        /// <summary>Right hip T-score (80945-9).</summary>
        public static readonly ClinicalCode HipRightT = Code("80945-9");
        /// <summary>Left hip Z-score (80938-4).</summary>
        public static readonly ClinicalCode HipLeftZ = Code("80938-4");
        /// <summary>Right hip Z-score (80937-6).</summary>
        public static readonly ClinicalCode HipRightZ = Code("80937-6");
        /// <summary>Left hip BMD (46278-8).</summary>
        public static readonly ClinicalCode HipLeftBmd = Code("46278-8");
        /// <summary>Right hip BMD (46279-6).</summary>
        public static readonly ClinicalCode HipRightBmd = Code("46279-6");
        /// <summary>Femur T-score (38263-0): also carries the femoral neck, told apart by bodySite or text.</summary>
        public static readonly ClinicalCode FemurT = Code("38263-0");
        /// <summary>Femur Z-score (80934-3).</summary>
        public static readonly ClinicalCode FemurZ = Code("80934-3");
        /// <summary>Femur BMD (24701-5).</summary>
        public static readonly ClinicalCode FemurBmd = Code("24701-5");
        /// <summary>Left femur T-score (80948-3).</summary>
        public static readonly ClinicalCode FemurLeftT = Code("80948-3");
        /// <summary>Right femur T-score (80947-5).</summary>
        public static readonly ClinicalCode FemurRightT = Code("80947-5");
        /// <summary>Left femur Z-score (80940-0).</summary>
        public static readonly ClinicalCode FemurLeftZ = Code("80940-0");
        /// <summary>Right femur Z-score (80939-2).</summary>
        public static readonly ClinicalCode FemurRightZ = Code("80939-2");
        /// <summary>Left femur BMD (80954-1).</summary>
        public static readonly ClinicalCode FemurLeftBmd = Code("80954-1");
        /// <summary>Right femur BMD (80953-3).</summary>
        public static readonly ClinicalCode FemurRightBmd = Code("80953-3");
        /// <summary>Radius and ulna (forearm) T-score (38265-5).</summary>
        public static readonly ClinicalCode ForearmT = Code("38265-5");
        /// <summary>Forearm Z-score (80932-7).</summary>
        public static readonly ClinicalCode ForearmZ = Code("80932-7");
        /// <summary>Forearm BMD (24890-6).</summary>
        public static readonly ClinicalCode ForearmBmd = Code("24890-6");
    }
}
