import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";

/** Component classes (app/globals.css): `btn`, a variant, and `btn-sm` for the small size. */
export function buttonClass(variant: Variant = "primary", size: "sm" | "md" = "md") {
  return size === "sm" ? `btn btn-sm btn-${variant}` : `btn btn-${variant}`;
}

export function Button({
  variant = "primary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: "sm" | "md" }) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...props} />;
}
