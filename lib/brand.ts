// Names shown to recipients. The company is the one that runs this instance and mails its contacts; Tillit is the
// open-source software. Change COMPANY_NAME for another deployment.
export const COMPANY_NAME = "Elastx";
export const PRODUCT_NAME = "Tillit";
