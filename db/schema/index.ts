export * from "./orgs";
export * from "./people";
export * from "./career";
export * from "./growth";
export * from "./meetings";
export * from "./signals";
export * from "./audit";
export * from "./radar";
