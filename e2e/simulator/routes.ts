import type { Route } from "./context";
import { libraryItem, libraryList } from "./library-routes";
import { register } from "./register";
import { catalogProduct, catalogSearch, finishedStatus, lastPositions } from "./side-routes";
import { approvalPoll, approvalSimulate, mapLanding, signInStart, signInSubmit } from "./signin";
import { deregister, refreshToken, userProfile } from "./tokens";

/** Route names are what faults, call logs and counts refer to. */
export const ROUTES: Route[] = [
  { name: "signin", role: "www.amazon", method: "GET", pattern: /^\/ap\/signin$/, handler: signInStart },
  {
    name: "signin-submit",
    role: "www.amazon",
    method: "POST",
    pattern: /^\/ap\/signin$/,
    handler: signInSubmit,
  },
  {
    name: "approval",
    role: "www.amazon",
    method: "GET",
    pattern: /^\/ap\/cvf\/approval$/,
    handler: approvalPoll,
  },
  {
    name: "approval-simulate",
    role: "www.amazon",
    method: "POST",
    pattern: /^\/ap\/cvf\/approval$/,
    handler: approvalSimulate,
  },
  {
    name: "maplanding",
    role: "www.amazon",
    method: "GET",
    pattern: /^\/ap\/maplanding$/,
    handler: mapLanding,
  },
  {
    name: "maplanding",
    role: "www.audible",
    method: "GET",
    pattern: /^\/ap\/maplanding$/,
    handler: mapLanding,
  },
  { name: "register", role: "api.amazon", method: "POST", pattern: /^\/auth\/register$/, handler: register },
  { name: "token", role: "api.amazon", method: "POST", pattern: /^\/auth\/token$/, handler: refreshToken },
  {
    name: "deregister",
    role: "api.amazon",
    method: "POST",
    pattern: /^\/auth\/deregister$/,
    handler: deregister,
  },
  { name: "profile", role: "api", method: "GET", pattern: /^\/user\/profile$/, handler: userProfile },
  { name: "library", role: "api.audible", method: "GET", pattern: /^\/1\.0\/library$/, handler: libraryList },
  {
    name: "library-item",
    role: "api.audible",
    method: "GET",
    pattern: /^\/1\.0\/library\/([A-Za-z0-9]+)$/,
    handler: libraryItem,
  },
  {
    name: "stats-finished",
    role: "api.audible",
    method: "GET",
    pattern: /^\/1\.0\/stats\/status\/finished$/,
    handler: finishedStatus,
  },
  {
    name: "lastpositions",
    role: "api.audible",
    method: "GET",
    pattern: /^\/1\.0\/annotations\/lastpositions$/,
    handler: lastPositions,
  },
  {
    name: "catalog-search",
    role: "api.audible",
    method: "GET",
    pattern: /^\/1\.0\/catalog\/products$/,
    handler: catalogSearch,
  },
  {
    name: "catalog-product",
    role: "api.audible",
    method: "GET",
    pattern: /^\/1\.0\/catalog\/products\/([A-Za-z0-9]+)$/,
    handler: catalogProduct,
  },
];
